package com.fintechlogin.keycloak.api.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/** Bounded reading of request bodies and the media-type checks every API makes. */
public final class RequestBodies {

    /** No documented request comes near this; anything larger is refused unread. */
    public static final int MAX_BODY_BYTES = 16 * 1024;

    private RequestBodies() {
    }

    /**
     * Reads at most {@link #MAX_BODY_BYTES}; {@code null} when the body is larger. An empty body reads as an
     * empty array.
     */
    public static byte[] readBounded(InputStream body) throws IOException {
        if (body == null) {
            return new byte[0];
        }
        byte[] read = body.readNBytes(MAX_BODY_BYTES + 1);
        return read.length > MAX_BODY_BYTES ? null : read;
    }

    /** JSON media types ({@code application/json}, {@code application/*+json}), any parameters; or none given. */
    public static boolean isJsonOrUnspecified(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return true;
        }
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json"));
    }
}
