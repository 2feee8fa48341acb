package com.fintechlogin.keycloak.it.security;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What is wrong with one generated request, independent of the API it is sent to: a list of mutations, each
 * aimed at a field or header by position (taken modulo the API's count) so that any API can apply it.
 */
record HostileInput(List<Mutation> mutations) {

    /** Whether a header value was replaced or repeated: only then may the HTTP server refuse before Keycloak. */
    boolean touchesHeaders() {
        return mutations.stream().anyMatch(m -> m instanceof ReplaceHeader || m instanceof RepeatHeader);
    }

    sealed interface Mutation {
    }

    /** A body field left out. */
    record DropField(int index) implements Mutation {
    }

    /** A body field sent twice, the second time with this raw JSON value (or form value). */
    record DuplicateField(int index, Raw value) implements Mutation {
    }

    /** A body field's value replaced by raw JSON (a JSON body) or raw form bytes (a form body). */
    record ReplaceValue(int index, Raw value) implements Mutation {
    }

    /** A header left out. */
    record DropHeader(int index) implements Mutation {
    }

    /** A header's value replaced, bytes as given (CR/LF, very long, not ASCII). */
    record ReplaceHeader(int index, Raw value) implements Mutation {
    }

    /** A header sent a second time with another value. */
    record RepeatHeader(int index, Raw value) implements Mutation {
    }

    /** The Content-Type header replaced (or left out, when empty). */
    record ContentType(String value) implements Mutation {
    }

    /** The whole body replaced by these bytes. */
    record ReplaceBody(Raw body) implements Mutation {
    }

    /** Bytes with a readable description, so that a failure report says what was sent. */
    record Raw(String description, byte[] bytes) {

        static Raw text(String description, String text) {
            return new Raw(description, text.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String toString() {
            StringBuilder shown = new StringBuilder(description).append(" (").append(bytes.length).append(" bytes) ");
            for (int i = 0; i < Math.min(bytes.length, 60); i++) {
                int b = bytes[i] & 0xff;
                shown.append(b >= 0x20 && b < 0x7f ? Character.toString(b) : String.format("\\x%02x", b));
            }
            return shown.append(bytes.length > 60 ? "…" : "").toString();
        }
    }
}
