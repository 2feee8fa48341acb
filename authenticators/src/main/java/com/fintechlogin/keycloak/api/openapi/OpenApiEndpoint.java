package com.fintechlogin.keycloak.api.openapi;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.urls.UrlType;

/**
 * {@code GET /openapi.json} and {@code /openapi.yaml}: the project's OpenAPI document with the realm's real URLs in
 * its servers, as Keycloak computes them for this request (its configured hostname and admin hostname included).
 */
public final class OpenApiEndpoint {

    /** How the document is written out. */
    public enum Format {
        JSON("application/json", new ObjectMapper().writerWithDefaultPrettyPrinter()),
        /** Descriptions as literal blocks, as the document is written, rather than as escaped one-liners. */
        YAML("application/yaml", YAMLMapper.builder()
                .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .build()
                .writer());

        private final String mediaType;
        private final ObjectWriter writer;

        Format(String mediaType, ObjectWriter writer) {
            this.mediaType = mediaType;
            this.writer = writer;
        }

        String write(ObjectNode document) {
            try {
                return writer.writeValueAsString(document);
            } catch (JsonProcessingException impossible) {
                // A tree parsed from text always writes.
                throw new IllegalStateException(impossible);
            }
        }
    }

    /**
     * Short: the document changes only with a new version of the extension or of the realm's URL, and a client that
     * wants it fresh can ask again with the ETag.
     */
    private static final String FIVE_MINUTES = "max-age=300";

    private final KeycloakSession session;
    private final Format format;

    public OpenApiEndpoint(KeycloakSession session, Format format) {
        this.session = session;
        this.format = format;
    }

    @GET
    public Response document(@Context Request request) {
        String body = format.write(OpenApiDocument.withServerVariables(serverVariables()));
        EntityTag tag = new EntityTag(digest(body));
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        if (notModified != null) {
            return notModified.header(HttpHeaders.CACHE_CONTROL, FIVE_MINUTES).tag(tag).build();
        }
        return Response.ok(body, format.mediaType + ";charset=UTF-8").header(HttpHeaders.CACHE_CONTROL, FIVE_MINUTES).tag(tag).build();
    }

    /** The document's server variables as this realm fills them in. */
    private Map<String, String> serverVariables() {
        RealmModel realm = session.getContext().getRealm();
        return Map.of(
                OpenApiDocument.KEYCLOAK_VARIABLE, withoutTrailingSlash(session.getContext().getUri(UrlType.FRONTEND).getBaseUri().toString()),
                OpenApiDocument.KEYCLOAK_ADMIN_VARIABLE, withoutTrailingSlash(session.getContext().getUri(UrlType.ADMIN).getBaseUri().toString()),
                OpenApiDocument.REALM_VARIABLE, pathSegment(realm.getName()));
    }

    /** {@code text} as one URL path segment (RFC 3986): every byte but the unreserved and segment-safe characters percent-encoded. */
    static String pathSegment(String text) {
        StringBuilder segment = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            boolean safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~!$&'()*+,;=:@".indexOf(c) >= 0;
            segment.append(safe ? String.valueOf((char) c) : String.format("%%%02X", c));
        }
        return segment.toString();
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String digest(String body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException impossible) {
            // Every JDK has SHA-256.
            throw new IllegalStateException(impossible);
        }
    }
}
