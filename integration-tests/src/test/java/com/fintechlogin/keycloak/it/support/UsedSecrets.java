package com.fintechlogin.keycloak.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every secret the tests send — PINs, passwords, app secrets and tokens, processor keys, checksums, wrapped AES
 * keys, HMACs, ciphertexts — written to a file as it is used, so that {@code SecretsStayOutOfLogsCheck} can look
 * for each of them in the server logs after the whole run.
 */
public final class UsedSecrets {

    static final Path FILE = Path.of(System.getProperty("user.dir"), "target", "used-secrets.txt").toAbsolutePath();

    /** Header names (lower case) whose value is a secret. */
    private static final Set<String> SECRET_HEADERS = Set.of("x-api-token", "x-api-secret", "processor-key", "checksum", "keyvalue",
            "ivvalue", "hmac", "authorization");
    /** Body field names whose value is a secret; a device id only when it is a ciphertext (long). */
    private static final Set<String> SECRET_FIELDS = Set.of("pin", "oldpin", "password", "token", "encryptdata", "client_secret",
            "pinconfirm");
    private static final int CIPHERTEXT_MIN_LENGTH = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

    private UsedSecrets() {
    }

    public static void record(String... secrets) {
        StringBuilder lines = new StringBuilder();
        for (String secret : secrets) {
            if (secret != null && !secret.isBlank()) {
                lines.append(Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8))).append('\n');
            }
        }
        if (lines.isEmpty()) {
            return;
        }
        try {
            Files.createDirectories(FILE.getParent());
            // One append per call: lines of parallel requests never interleave.
            Files.writeString(FILE, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The secrets of one request a test sends: headers by name, JSON or form fields by name. */
    public static void recordRequest(Map<String, String> headers, String contentType, byte[] body) {
        headers.forEach((name, value) -> {
            if (SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                record(value, value.replaceFirst("^(?i)(Bearer|Basic) ", ""));
            }
        });
        if (body == null || body.length == 0) {
            return;
        }
        String text = new String(body, StandardCharsets.UTF_8);
        if (contentType != null && contentType.startsWith("application/x-www-form-urlencoded")) {
            for (String pair : text.split("&")) {
                String[] nameValue = pair.split("=", 2);
                if (nameValue.length == 2) {
                    recordField(URLDecoder.decode(nameValue[0], StandardCharsets.UTF_8), URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8));
                }
            }
            return;
        }
        try {
            JsonNode json = JSON.readTree(text);
            if (json != null && json.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> fields = json.fields(); fields.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    if (field.getValue().isValueNode()) {
                        recordField(field.getKey(), field.getValue().asText());
                    }
                }
            }
        } catch (IOException notJson) {
            // Tests send malformed bodies on purpose; they carry no secret of a real login.
        }
    }

    private static void recordField(String name, String value) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (SECRET_FIELDS.contains(lower) || (lower.equals("deviceid") && value.length() >= CIPHERTEXT_MIN_LENGTH)) {
            record(value);
        }
    }

    /** Everything recorded so far, without repeats. */
    public static List<String> all() {
        try {
            if (!Files.exists(FILE)) {
                return List.of();
            }
            return Files.readAllLines(FILE, StandardCharsets.UTF_8).stream().distinct()
                    .map(line -> new String(Base64.getDecoder().decode(line), StandardCharsets.UTF_8)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
