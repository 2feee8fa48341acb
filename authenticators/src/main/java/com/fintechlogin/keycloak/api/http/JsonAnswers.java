package com.fintechlogin.keycloak.api.http;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Builds the JSON answers of the APIs: never cached, since they carry tokens or say who exists. */
public final class JsonAnswers {

    private static final CacheControl NO_STORE = CacheControl.valueOf("no-store");
    private static final ObjectMapper WRITER = new ObjectMapper();

    private JsonAnswers() {
    }

    /** {@code body} in its own iteration order, so that fields appear as the documents show them. */
    public static Response of(int status, Map<String, ?> body) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .cacheControl(NO_STORE)
                .header("Pragma", "no-cache")
                .entity(write(body))
                .build();
    }

    static String write(Map<String, ?> body) {
        try {
            return WRITER.writeValueAsString(body);
        } catch (JsonProcessingException impossible) {
            // Maps of strings and numbers always serialize.
            throw new IllegalStateException(impossible);
        }
    }
}
