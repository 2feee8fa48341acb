package com.fintechlogin.keycloak.api.openapi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;

/**
 * The OpenAPI document as the unit tests read it: its tree, and its schemas validated with a real JSON Schema 2020-12
 * validator in the OpenAPI 3.1 dialect (networknt), addressed by JSON pointers into the document.
 */
public final class OpenApiSchemas {

    /** The document's made-up identity, against which its own {@code #/components/…} references resolve. */
    private static final String IRI = "https://fintechlogin.invalid/openapi.json";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode DOCUMENT = read();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDialect(Dialects.getOpenApi31(),
            builder -> builder.schemas(Map.of(IRI, DOCUMENT.toString())));

    private OpenApiSchemas() {
    }

    /** The document's tree; callers only read it. */
    public static JsonNode document() {
        return DOCUMENT;
    }

    /** The node at {@code pointer}, following one {@code $ref} if the node is a reference. */
    public static Located resolve(String pointer) {
        JsonNode node = DOCUMENT.at(pointer);
        if (node.has("$ref")) {
            String target = node.get("$ref").asText().substring(1);
            return new Located(target, DOCUMENT.at(target));
        }
        return new Located(pointer, node);
    }

    /** A node of the document and where it is. */
    public record Located(String pointer, JsonNode node) {
    }

    /** The violations of {@code json} against the schema at {@code pointer}, one per line; empty when it is valid. */
    public static String violations(String pointer, String json) {
        List<Error> errors = REGISTRY.getSchema(SchemaLocation.of(IRI + "#" + JsonPointers.asFragment(pointer)))
                .validate(json, InputFormat.JSON);
        return errors.stream().map(Error::toString).collect(Collectors.joining("\n"));
    }

    /** {@code value} as JSON text. */
    public static String json(JsonNode value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
    }

    private static JsonNode read() {
        try {
            return new YAMLMapper().readTree(OpenApiDocument.text());
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
