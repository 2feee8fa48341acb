package com.fintechlogin.keycloak.api.http;

/**
 * One row of an API's code table: the HTTP status, and the code and message its envelope carries. The code is
 * a JSON number for most APIs ({@code 404}) and a string for others ({@code "ONB017"}), as each document shows.
 */
public record ApiCode(int httpStatus, Object code, String message) {
}
