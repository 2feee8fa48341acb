package com.fintechlogin.keycloak.api.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The project's OpenAPI document, {@value #RESOURCE}: written by hand as YAML, read once as text, and given out as a
 * fresh tree whose server URLs carry a realm's real values instead of the variables the document names.
 */
public final class OpenApiDocument {

    /** Where the document lies in the provider JAR. */
    public static final String RESOURCE = "/fintech-openapi.yaml";

    /** Keycloak's frontend base URL, context path included, without a trailing slash. */
    public static final String KEYCLOAK_VARIABLE = "keycloak";
    /** Keycloak's admin base URL, context path included, without a trailing slash. */
    public static final String KEYCLOAK_ADMIN_VARIABLE = "keycloakAdmin";
    /** The realm's name, encoded as a URL path segment. */
    public static final String REALM_VARIABLE = "realm";

    private static final String SERVERS = "servers";
    private static final String VARIABLES = "variables";
    private static final List<String> OPERATIONS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    /** Immutable and thread-safe; declared before {@link #TEXT}, whose reading uses it. */
    private static final ObjectReader YAML = new YAMLMapper().reader();
    /** Read once; a String is immutable, and every caller gets a tree of its own parsed from it. */
    private static final String TEXT = read();

    private OpenApiDocument() {
    }

    /** The document as written, server variables included. */
    public static String text() {
        return TEXT;
    }

    /**
     * A new tree of the document in which every server URL (of the document, a path or an operation) has the variables
     * named in {@code values} replaced by their values; a server's {@code variables} keeps only those left unnamed.
     */
    public static ObjectNode withServerVariables(Map<String, String> values) {
        ObjectNode document = parse();
        List<JsonNode> serverLists = new ArrayList<>();
        serverLists.add(document.get(SERVERS));
        document.path("paths").forEach(pathItem -> {
            serverLists.add(pathItem.get(SERVERS));
            OPERATIONS.forEach(method -> serverLists.add(pathItem.path(method).get(SERVERS)));
        });
        for (JsonNode servers : serverLists) {
            if (servers instanceof ArrayNode list) {
                list.forEach(server -> resolve((ObjectNode) server, values));
            }
        }
        return document;
    }

    private static void resolve(ObjectNode server, Map<String, String> values) {
        String url = server.path("url").asText();
        ObjectNode variables = server.get(VARIABLES) instanceof ObjectNode declared ? declared : null;
        for (Map.Entry<String, String> value : values.entrySet()) {
            url = url.replace("{" + value.getKey() + "}", value.getValue());
            if (variables != null) {
                variables.remove(value.getKey());
            }
        }
        server.put("url", url);
        if (variables != null && variables.isEmpty()) {
            server.remove(VARIABLES);
        }
    }

    private static ObjectNode parse() {
        try {
            return (ObjectNode) YAML.readTree(TEXT);
        } catch (IOException impossible) {
            // The text parsed when it was read, and it never changes.
            throw new UncheckedIOException(impossible);
        }
    }

    private static String read() {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The provider JAR lacks " + RESOURCE);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (!(YAML.readTree(text) instanceof ObjectNode)) {
                throw new IllegalStateException(RESOURCE + " is not a YAML mapping");
            }
            return text;
        } catch (IOException unreadable) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, unreadable);
        }
    }
}
