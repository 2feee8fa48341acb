package com.fintechlogin.keycloak.it.support;

import java.nio.charset.StandardCharsets;

/** JSON pointers (RFC 6901) into the OpenAPI document, whose keys hold {@code /} and {@code {}}. */
final class JsonPointer {

    private JsonPointer() {
    }

    /** The pointer to {@code tokens}, each escaped ({@code ~} as {@code ~0}, {@code /} as {@code ~1}). */
    static String of(String... tokens) {
        StringBuilder pointer = new StringBuilder();
        for (String token : tokens) {
            pointer.append('/').append(token.replace("~", "~0").replace("/", "~1"));
        }
        return pointer.toString();
    }

    /**
     * {@code pointer} as a URI fragment: characters a fragment may not hold ({@code {}}, spaces …) percent-encoded, and
     * {@code +}, which the validator's form-style decoding of fragments would read as a space.
     */
    static String asFragment(String pointer) {
        StringBuilder fragment = new StringBuilder();
        for (byte b : pointer.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "-._~!$&'()*,;=:@/?".indexOf(c) >= 0;
            fragment.append(allowed ? String.valueOf((char) c) : String.format("%%%02X", c));
        }
        return fragment.toString();
    }
}
