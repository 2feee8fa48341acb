package com.fintechlogin.keycloak.api.http;

import jakarta.ws.rs.core.HttpHeaders;

/** Header values as the APIs read them: by any letter case, trimmed, bounded. */
public final class Headers {

    private Headers() {
    }

    /** The trimmed value of {@code name}; {@code null} when absent, blank, repeated or longer than {@code maxLength}. */
    public static String value(HttpHeaders headers, String name, int maxLength) {
        var values = headers.getRequestHeader(name);
        if (values == null || values.size() != 1) {
            return null;
        }
        String value = values.get(0).trim();
        return value.isEmpty() || value.length() > maxLength ? null : value;
    }
}
