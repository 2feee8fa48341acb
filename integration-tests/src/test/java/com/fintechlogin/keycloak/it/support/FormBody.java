package com.fintechlogin.keycloak.it.support;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** An {@code application/x-www-form-urlencoded} body as the object of its fields, for validating it against a schema. */
final class FormBody {

    private FormBody() {
    }

    /**
     * The fields, each value a string; {@code null} when the body is not a form: a bad {@code %} escape, or a field
     * named twice (a schema of an object cannot say which of the two it describes).
     */
    static ObjectNode fields(byte[] body) {
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        for (String pair : new String(body, StandardCharsets.ISO_8859_1).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            try {
                String name = decode(equals < 0 ? pair : pair.substring(0, equals));
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
                if (fields.has(name)) {
                    return null;
                }
                fields.put(name, value);
            } catch (IllegalArgumentException badEscape) {
                return null;
            }
        }
        return fields;
    }

    /** Percent-decoding of text read byte for byte, then UTF-8. */
    private static String decode(String latin1) {
        String utf8 = new String(latin1.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
        return URLDecoder.decode(utf8, StandardCharsets.UTF_8);
    }
}
