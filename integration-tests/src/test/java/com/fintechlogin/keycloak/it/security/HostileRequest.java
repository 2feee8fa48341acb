package com.fintechlogin.keycloak.it.security;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fintechlogin.keycloak.it.security.HostileInput.ContentType;
import com.fintechlogin.keycloak.it.security.HostileInput.DropField;
import com.fintechlogin.keycloak.it.security.HostileInput.DropHeader;
import com.fintechlogin.keycloak.it.security.HostileInput.DuplicateField;
import com.fintechlogin.keycloak.it.security.HostileInput.Mutation;
import com.fintechlogin.keycloak.it.security.HostileInput.Raw;
import com.fintechlogin.keycloak.it.security.HostileInput.RepeatHeader;
import com.fintechlogin.keycloak.it.security.HostileInput.ReplaceBody;
import com.fintechlogin.keycloak.it.security.HostileInput.ReplaceHeader;
import com.fintechlogin.keycloak.it.security.HostileInput.ReplaceValue;

/**
 * One API's well-shaped request (that must still fail: unknown user, wrong secret) and how a {@link HostileInput}
 * breaks it: fields and headers addressed by position, the body rendered as JSON or as a form.
 */
record HostileRequest(String method, String path, List<Map.Entry<String, String>> headers, List<Map.Entry<String, String>> jsonFields,
        boolean form) {

    /** A field whose value is raw JSON text ({@code "\"text\""}, {@code "1"}). */
    static Map.Entry<String, String> field(String name, String rawJson) {
        return new SimpleEntry<>(name, rawJson);
    }

    static Map.Entry<String, String> header(String name, String value) {
        return new SimpleEntry<>(name, value);
    }

    RawHttp.Request breakWith(HostileInput input) {
        List<Map.Entry<String, byte[]>> fields = new ArrayList<>();
        jsonFields.forEach(f -> fields.add(new SimpleEntry<>(f.getKey(), utf8(f.getValue()))));
        List<Map.Entry<String, byte[]>> sentHeaders = new ArrayList<>();
        headers.forEach(h -> sentHeaders.add(new SimpleEntry<>(h.getKey(), utf8(h.getValue()))));
        String contentType = form ? "application/x-www-form-urlencoded" : "application/json";
        byte[] body = null;
        for (Mutation mutation : input.mutations()) {
            switch (mutation) {
                case DropField(int i) when !fields.isEmpty() -> fields.remove(i % fields.size());
                case DuplicateField(int i, Raw value) when !fields.isEmpty() ->
                        fields.add(new SimpleEntry<>(fields.get(i % fields.size()).getKey(), value.bytes()));
                case ReplaceValue(int i, Raw value) when !fields.isEmpty() -> fields.get(i % fields.size()).setValue(value.bytes());
                case DropHeader(int i) when !sentHeaders.isEmpty() -> sentHeaders.remove(i % sentHeaders.size());
                case ReplaceHeader(int i, Raw value) when !sentHeaders.isEmpty() ->
                        sentHeaders.get(i % sentHeaders.size()).setValue(value.bytes());
                case RepeatHeader(int i, Raw value) when !sentHeaders.isEmpty() ->
                        sentHeaders.add(new SimpleEntry<>(sentHeaders.get(i % sentHeaders.size()).getKey(), value.bytes()));
                case ContentType(String value) -> contentType = value;
                case ReplaceBody(Raw replacement) -> body = replacement.bytes();
                default -> {
                    // A field or header mutation on a request without any: nothing to break.
                }
            }
        }
        if (!contentType.isEmpty()) {
            sentHeaders.add(new SimpleEntry<>("Content-Type", utf8(contentType)));
        }
        if (body == null) {
            body = form ? formBody(fields) : jsonBody(fields);
        }
        return new RawHttp.Request(method, path, sentHeaders, body);
    }

    private static byte[] jsonBody(List<Map.Entry<String, byte[]>> fields) {
        if (fields.isEmpty()) {
            return new byte[0];
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(utf8("{"));
        for (int i = 0; i < fields.size(); i++) {
            out.writeBytes(utf8((i == 0 ? "" : ",") + "\"" + fields.get(i).getKey() + "\":"));
            out.writeBytes(fields.get(i).getValue());
        }
        out.writeBytes(utf8("}"));
        return out.toByteArray();
    }

    /** A form body of the same fields: a JSON string's bytes percent-encoded, any other JSON text as it is. */
    private static byte[] formBody(List<Map.Entry<String, byte[]>> fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < fields.size(); i++) {
            out.writeBytes(utf8((i == 0 ? "" : "&") + fields.get(i).getKey() + "="));
            byte[] value = fields.get(i).getValue();
            boolean quoted = value.length >= 2 && value[0] == '"' && value[value.length - 1] == '"';
            for (int b = quoted ? 1 : 0; b < (quoted ? value.length - 1 : value.length); b++) {
                int octet = value[b] & 0xff;
                if (Character.isLetterOrDigit(octet) && octet < 0x80) {
                    out.write(octet);
                } else {
                    out.writeBytes(utf8(String.format("%%%02X", octet)));
                }
            }
        }
        return out.toByteArray();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
