package com.fintechlogin.keycloak.api.partner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fintechlogin.keycloak.json.LenientJson;
import com.fintechlogin.keycloak.json.Parsed;

/**
 * The partner login's body, {@code {"encryptData": "<base64>"}}: one JSON object (read as leniently as every body of the
 * project: a trailing comma and unknown fields are fine) whose {@code encryptData} is a non-blank JSON string. The
 * value is kept exactly as sent, since the HMAC is over it.
 *
 * <p>The document's sample has text after the object; a body that is not one JSON object is refused, since what
 * follows the object could be anything, including a second {@code encryptData}.
 */
record PartnerRequest(String encryptData) {

    static final String ENCRYPT_DATA = "encryptData";
    /** Names the body as a whole when it is not one JSON object. */
    static final String BODY = "request body";

    static Parsed<PartnerRequest, String> parse(byte[] body) {
        ObjectNode json = LenientJson.parseObject(body);
        if (json == null) {
            return new Parsed.Invalid<>(BODY);
        }
        JsonNode value = json.get(ENCRYPT_DATA);
        if (value == null || !value.isTextual() || value.textValue().isBlank()) {
            return new Parsed.Invalid<>(ENCRYPT_DATA);
        }
        return new Parsed.Valid<>(new PartnerRequest(value.textValue()));
    }

    /** Never prints the ciphertext. */
    @Override
    public String toString() {
        return "PartnerRequest[encryptData=" + encryptData.length() + " characters]";
    }
}
