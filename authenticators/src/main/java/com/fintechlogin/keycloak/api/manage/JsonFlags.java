package com.fintechlogin.keycloak.api.manage;

import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

/** The yes/no fields of the credential requests, read as leniently as the documented APIs read their strings. */
final class JsonFlags {

    private JsonFlags() {
    }

    /** A boolean or "true"/"false" (any case, spaces around); absent or null is false; anything else null. */
    static Boolean flag(JsonNode value) {
        if (value == null || value.isNull()) {
            return Boolean.FALSE;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isTextual()) {
            return switch (value.textValue().strip().toLowerCase(Locale.ROOT)) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                default -> null;
            };
        }
        return null;
    }
}
