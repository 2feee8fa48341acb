package com.fintechlogin.keycloak.api.http;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.core.Response;

/**
 * An API's JSON envelope: the names its documents give the code and the message ({@code responseCode} /
 * {@code responseMessage}, {@code resCode} / {@code resDesc}, …), and the name of the data it carries.
 */
public record Envelope(String codeKey, String messageKey, String dataKey) {

    /** The envelope of the Get Token API and of the mobile sign-in and PIN/device logins, which refer to it: {@code resCode}, {@code resDesc}, {@code data}. */
    public static final Envelope RES_CODE = new Envelope("resCode", "resDesc", "data");

    /** A failure: the code and the message of {@code code}, nothing else. */
    public Response failure(ApiCode code) {
        return failure(code, code.message());
    }

    /** A failure whose message says more than the table's, e.g. which field is at fault. */
    public Response failure(ApiCode code, String message) {
        return JsonAnswers.of(code.httpStatus(), head(code.code(), message));
    }

    /** HTTP 200 with {@code code}, {@code message} and {@code data} in the document's order. */
    public Response success(Object code, String message, Map<String, ?> data) {
        Map<String, Object> body = head(code, message);
        body.put(dataKey, data);
        return JsonAnswers.of(200, body);
    }

    /** The code and message fields alone, for nesting one envelope inside another as the mobile sign-in API does. */
    public Map<String, Object> head(Object code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(codeKey, code);
        body.put(messageKey, message);
        return body;
    }
}
