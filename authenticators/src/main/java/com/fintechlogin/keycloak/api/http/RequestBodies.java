package com.fintechlogin.keycloak.api.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

import jakarta.ws.rs.core.HttpHeaders;

/** Bounded reading of request bodies and the media-type checks every API makes. */
public final class RequestBodies {

    /** No documented request comes near this; anything larger is refused unread. */
    public static final int MAX_BODY_BYTES = 16 * 1024;

    private static final String FORM = "application/x-www-form-urlencoded";

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

    /** The media type the client sent. */
    public static String contentType(HttpHeaders headers) {
        return headers.getHeaderString(HttpHeaders.CONTENT_TYPE);
    }

    /**
     * Whether a JSON body may come under this media type: a JSON type ({@code application/json},
     * {@code application/*+json}, any parameters), none, or {@code application/x-www-form-urlencoded} — the type
     * curl sends for {@code --data-raw}, which the documents' sample requests use without naming another.
     */
    public static boolean mayCarryJson(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return true;
        }
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return type.equals("application/json") || type.equals(FORM)
                || (type.startsWith("application/") && type.endsWith("+json"));
    }
}
