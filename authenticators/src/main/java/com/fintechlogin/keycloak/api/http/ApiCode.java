package com.fintechlogin.keycloak.api.http;

/** One row of an API's code table: the HTTP status, and the code and message its envelope carries. */
public record ApiCode(int httpStatus, int code, String message) {
}
