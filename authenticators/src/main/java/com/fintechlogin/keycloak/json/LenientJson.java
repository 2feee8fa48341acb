package com.fintechlogin.keycloak.json;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads request bodies as leniently as the API documents need (their samples carry trailing commas and
 * numbers where strings are described) and as strictly as safety needs (duplicate keys, deep nesting).
 */
public final class LenientJson {

    private static final int MAX_NESTING_DEPTH = 16;

    private static final ObjectMapper READER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
                    .build())
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private LenientJson() {
    }

    /** The body as a JSON object, or {@code null} when it is not exactly one well-formed JSON object. */
    public static ObjectNode parseObject(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            JsonNode node = READER.readTree(body);
            return node instanceof ObjectNode object ? object : null;
        } catch (IOException malformed) {
            return null;
        }
    }

    /**
     * A field as text: a string as is, a number or boolean in its JSON spelling. {@code null} when the field
     * is absent, null, an object or array, blank, or longer than {@code maxLength}.
     */
    public static String text(ObjectNode object, String field, int maxLength) {
        JsonNode value = object.get(field);
        if (value == null || !value.isValueNode() || value.isNull()) {
            return null;
        }
        String text = value.isTextual() ? value.textValue() : value.asText();
        if (text.isBlank() || text.length() > maxLength) {
            return null;
        }
        return text;
    }
}
