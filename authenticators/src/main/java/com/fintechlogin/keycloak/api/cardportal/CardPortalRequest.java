package com.fintechlogin.keycloak.api.cardportal;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fintechlogin.keycloak.identify.MobileNumbers;
import com.fintechlogin.keycloak.json.LenientJson;
import com.fintechlogin.keycloak.json.Parsed;

/**
 * The card portal login's request body: {@code mobile_no} (1–10 digits) and {@code password} (1–20 characters), form-encoded as
 * documented or as a JSON object with the same fields; and {@code timestamp}, which only affiliates with replay
 * protection send. The values are kept exactly as sent, since the checksum is over them.
 *
 * @param mobileNo  {@code mobile_no} as sent
 * @param password  {@code password} as sent
 * @param timestamp {@code timestamp} as sent, or {@code null}; its shape is checked only where it is required
 */
record CardPortalRequest(String mobileNo, String password, String timestamp) {

    static final String MOBILE_NO = "mobile_no";
    static final String PASSWORD = "password";
    static final String TIMESTAMP = "timestamp";
    /** Names the body as a whole when it is neither a well-formed form nor a JSON object. */
    static final String BODY = "request body";

    /** The fields the document's checksum concatenates, in its order. */
    static final List<String> CHECKSUMMED_FIELDS = List.of(MOBILE_NO, PASSWORD);

    static final int MAX_PASSWORD_LENGTH = 20;

    private static final Pattern MOBILE_NO_SHAPE = Pattern.compile("[0-9]{1,10}");
    /** Longer than any valid value, so that the checks below, not the reading, decide. */
    private static final int MAX_JSON_VALUE_LENGTH = 64;

    /**
     * Reads {@code body} as JSON when the media type says JSON, or when it is the form type (or none) and the body
     * starts with {@code {} — curl's {@code --data-raw} sends JSON under the form type; as a form otherwise.
     * Gives the parsed request, or the name of the first field at fault.
     */
    static Parsed<CardPortalRequest, String> parse(byte[] body, String contentType) {
        Map<String, String> fields = isJson(body, contentType) ? jsonFields(body) : FormFields.parse(body);
        if (fields == null) {
            return new Parsed.Invalid<>(BODY);
        }
        String mobileNo = fields.get(MOBILE_NO);
        if (mobileNo == null || !MOBILE_NO_SHAPE.matcher(mobileNo).matches() || MobileNumbers.normalize(mobileNo) == null) {
            return new Parsed.Invalid<>(MOBILE_NO);
        }
        String password = fields.get(PASSWORD);
        if (password == null || password.isBlank() || password.codePointCount(0, password.length()) > MAX_PASSWORD_LENGTH) {
            return new Parsed.Invalid<>(PASSWORD);
        }
        return new Parsed.Valid<>(new CardPortalRequest(mobileNo, password, fields.get(TIMESTAMP)));
    }

    /** The mobile number in the form users are stored and found by ({@link MobileNumbers}). */
    String mobile() {
        return MobileNumbers.normalize(mobileNo);
    }

    /** The values the checksum may concatenate, by field name. */
    Map<String, String> checksummedValues() {
        return Map.of(MOBILE_NO, mobileNo, PASSWORD, password);
    }

    private static boolean isJson(byte[] body, String contentType) {
        String type = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json"))) {
            return true;
        }
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return b == '{';
            }
        }
        return false;
    }

    /** The three fields of a JSON body as text; a blank or non-scalar value reads as missing. */
    private static Map<String, String> jsonFields(byte[] body) {
        ObjectNode json = LenientJson.parseObject(body);
        if (json == null) {
            return null;
        }
        Map<String, String> fields = new HashMap<>();
        for (String name : List.of(MOBILE_NO, PASSWORD, TIMESTAMP)) {
            String value = LenientJson.text(json, name, MAX_JSON_VALUE_LENGTH);
            if (value != null) {
                fields.put(name, value);
            }
        }
        return fields;
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "CardPortalRequest[mobileNo=" + mobileNo + ", timestamp=" + timestamp + "]";
    }
}
