package com.fintechlogin.keycloak.api.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

import com.fintechlogin.keycloak.api.http.CodeTables;
import com.fintechlogin.keycloak.login.FailureReason;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Checks, without a server, that an answer an adapter builds is one the OpenAPI document gives for the operation: its
 * HTTP status is documented, its required headers are there, and its body validates against that status's schema.
 * The integration tests check the same on the wire, for the requests they send.
 */
public final class DocumentedAnswers {

    private DocumentedAnswers() {
    }

    /** Fails unless {@code answer} is a documented answer of {@code method} on {@code path} (as the document writes it). */
    /** A code table's answer to {@code reason} as the API sends it: over budget, with its Retry-After. */
    public static Response asSent(FailureReason reason, Response answer) {
        return reason == FailureReason.CALLER_OVER_BUDGET ? CodeTables.withRetryAfter(answer, 60) : answer;
    }

    public static void assertDocumented(String method, String path, Response answer) {
        String operation = method.toUpperCase(Locale.ROOT) + " " + path;
        String responsePointer = JsonPointers.of("paths", path, method.toLowerCase(Locale.ROOT), "responses",
                Integer.toString(answer.getStatus()));
        assertThat(OpenApiSchemas.document().at(responsePointer).isMissingNode())
                .as("%s: HTTP %d is not documented; body %s", operation, answer.getStatus(), answer.getEntity())
                .isFalse();
        OpenApiSchemas.Located documented = OpenApiSchemas.resolve(responsePointer);

        Iterator<Map.Entry<String, JsonNode>> headers = documented.node().path("headers").fields();
        while (headers.hasNext()) {
            Map.Entry<String, JsonNode> header = headers.next();
            OpenApiSchemas.Located definition = OpenApiSchemas.resolve(documented.pointer() + JsonPointers.of("headers", header.getKey()));
            String value = answer.getHeaderString(header.getKey());
            if (definition.node().path("required").asBoolean(false)) {
                assertThat(value).as("%s, HTTP %d: required header %s", operation, answer.getStatus(), header.getKey()).isNotNull();
            }
            if (value != null) {
                String violations = OpenApiSchemas.violations(definition.pointer() + "/schema", TextNode.valueOf(value).toString());
                assertThat(violations).as("%s, HTTP %d: header %s: %s", operation, answer.getStatus(), header.getKey(), value).isEmpty();
            }
        }

        JsonNode content = documented.node().path("content");
        if (content.isMissingNode()) {
            assertThat(answer.hasEntity()).as("%s, HTTP %d: a body where none is documented", operation, answer.getStatus()).isFalse();
            return;
        }
        MediaType type = answer.getMediaType();
        assertThat(type).as("%s, HTTP %d: no media type", operation, answer.getStatus()).isNotNull();
        String mediaType = type.getType() + "/" + type.getSubtype();
        assertThat(content.has(mediaType)).as("%s, HTTP %d: media type %s is not documented", operation, answer.getStatus(), mediaType)
                .isTrue();
        String violations = OpenApiSchemas.violations(documented.pointer() + JsonPointers.of("content", mediaType, "schema"),
                (String) answer.getEntity());
        assertThat(violations).as("%s, HTTP %d: body %s violates the documented schema", operation, answer.getStatus(), answer.getEntity())
                .isEmpty();
    }
}
