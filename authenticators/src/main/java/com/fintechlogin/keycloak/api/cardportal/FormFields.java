package com.fintechlogin.keycloak.api.cardportal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An {@code application/x-www-form-urlencoded} body read from its raw bytes: fields split on {@code &}, name and
 * value on the first {@code =}, then {@code +} and {@code %XX} decoded and the bytes read as UTF-8.
 *
 * <p>Read here rather than by the JAX-RS form reader: that one is lenient where a checksum must not be (it replaces
 * undecodable bytes, keeps the last or first of repeated fields), and the checksum is over exactly the values sent.
 */
final class FormFields {

    private FormFields() {
    }

    /**
     * The fields in the order sent, or {@code null} when the body is not a well-formed form: a bad {@code %} escape,
     * bytes that are not UTF-8, or a field named twice (which of the two would the checksum cover?). Empty
     * segments ({@code a=1&&b=2}, a trailing {@code &}) are skipped; a field without {@code =} has an empty value.
     */
    static Map<String, String> parse(byte[] body) {
        Map<String, String> fields = new LinkedHashMap<>();
        int start = 0;
        while (start <= body.length) {
            int end = indexOf(body, (byte) '&', start, body.length);
            if (end > start) {
                int equals = indexOf(body, (byte) '=', start, end);
                String name = decode(body, start, equals);
                String value = equals < end ? decode(body, equals + 1, end) : "";
                if (name == null || value == null || fields.putIfAbsent(name, value) != null) {
                    return null;
                }
            }
            start = end + 1;
        }
        return fields;
    }

    private static int indexOf(byte[] bytes, byte wanted, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return to;
    }

    /** Percent-decoding of {@code bytes[from, to)}, then strict UTF-8; {@code null} when either fails. */
    private static String decode(byte[] bytes, int from, int to) {
        ByteArrayOutputStream decoded = new ByteArrayOutputStream(to - from);
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            if (b == '+') {
                decoded.write(' ');
            } else if (b == '%') {
                if (i + 2 >= to) {
                    return null;
                }
                int high = Character.digit(bytes[i + 1], 16);
                int low = Character.digit(bytes[i + 2], 16);
                if (high < 0 || low < 0) {
                    return null;
                }
                decoded.write(high << 4 | low);
                i += 2;
            } else {
                decoded.write(b);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(decoded.toByteArray()))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            return null;
        }
    }
}
