package com.fintechlogin.keycloak.it.support;

import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/** How the contract checks match a Content-Type to the media types an OpenAPI {@code content} map documents. */
final class MediaTypes {

    static final String FORM = "application/x-www-form-urlencoded";

    private MediaTypes() {
    }

    /** The documented media type for {@code contentType}: the same type and subtype, else {@code type/*}, else {@code *}{@code /*}. */
    static Optional<String> documented(JsonNode content, String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        String range = type.contains("/") ? type.substring(0, type.indexOf('/')) + "/*" : type;
        for (String candidate : List.of(type, range, "*/*")) {
            Iterator<String> documented = content.fieldNames();
            while (documented.hasNext()) {
                String name = documented.next();
                if (name.equalsIgnoreCase(candidate)) {
                    return Optional.of(name);
                }
            }
        }
        return Optional.empty();
    }

    static boolean isJson(String mediaType) {
        String type = mediaType.toLowerCase(Locale.ROOT);
        return type.equals("application/json") || type.endsWith("+json");
    }
}
