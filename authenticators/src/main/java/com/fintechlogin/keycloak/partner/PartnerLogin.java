package com.fintechlogin.keycloak.partner;

import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fintechlogin.keycloak.identify.UserNameIdentifierStep;
import com.fintechlogin.keycloak.json.LenientJson;
import com.fintechlogin.keycloak.json.Parsed;
import com.fintechlogin.keycloak.password.PasswordCheck;

/**
 * The decrypted payload, the UTF-8 JSON {@code {"userName": "...", "password": "...", "timestamp": <epoch ms>}}:
 * what the flow gets once the request has proven itself.
 *
 * @param userName  {@code userName} as sent (the flow finds the user by it)
 * @param password  {@code password} as sent
 * @param timestamp {@code timestamp} in epoch milliseconds, or {@code null} when absent (checked only where the
 *                  realm requires it)
 */
public record PartnerLogin(String userName, String password, Long timestamp) {

    /** The user-name step's limit, which is Keycloak's. */
    public static final int MAX_USER_NAME_LENGTH = UserNameIdentifierStep.MAX_USER_NAME_LENGTH;
    /** The password step's limit. */
    public static final int MAX_PASSWORD_LENGTH = PasswordCheck.MAX_PASSWORD_LENGTH;

    /** Epoch milliseconds: 13 digits until the year 2286; a few more are harmless and cannot overflow. */
    private static final Pattern TIMESTAMP = Pattern.compile("[0-9]{1,15}");
    private static final int MAX_TIMESTAMP_TEXT = 32;

    /**
     * Reads the plaintext: one JSON object (read as leniently as every request body of the project) with a
     * {@code userName} and a {@code password}, each a non-blank string or number within its bound; and a
     * {@code timestamp} of epoch milliseconds (a JSON integer or a string of digits) when one is sent. Gives what
     * the plaintext reads as: the login, or the refusal it earns.
     */
    static Parsed<PartnerLogin, PayloadRefusal> parse(byte[] plaintext) {
        ObjectNode json = LenientJson.parseObject(plaintext);
        if (json == null) {
            return new Parsed.Invalid<>(PayloadRefusal.PLAINTEXT_MALFORMED);
        }
        String userName = LenientJson.text(json, "userName", MAX_USER_NAME_LENGTH);
        String password = LenientJson.text(json, "password", MAX_PASSWORD_LENGTH);
        if (userName == null || password == null) {
            return new Parsed.Invalid<>(PayloadRefusal.PLAINTEXT_MALFORMED);
        }
        Long timestamp = null;
        if (json.hasNonNull("timestamp")) {
            String text = LenientJson.text(json, "timestamp", MAX_TIMESTAMP_TEXT);
            if (text == null || !TIMESTAMP.matcher(text).matches()) {
                return new Parsed.Invalid<>(PayloadRefusal.TIMESTAMP_MALFORMED);
            }
            timestamp = Long.parseLong(text);
        }
        return new Parsed.Valid<>(new PartnerLogin(userName, password, timestamp));
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "PartnerLogin[userName=" + userName + ", timestamp=" + timestamp + "]";
    }
}
