package com.fintechlogin.keycloak.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fintechlogin.keycloak.json.LenientJson;
import com.fintechlogin.keycloak.json.Parsed;
import com.fintechlogin.keycloak.pin.PinSettings;

/**
 * The body of an admin PIN reset, {@code {"pin": "4821"}}. An admin may set a PIN the realm calls weak or refuses as
 * common (1111, 1234, 1004): admins seed and reset PINs deliberately, often to a value agreed with the user, and PIN
 * storage is built to let them ({@link PinSettings}). The realm's length still applies, since a PIN of another length could never be
 * entered at login.
 */
final class AdminPinRequest {

    /** Far above any PIN; a longer value reads as missing. */
    static final int MAX_FIELD_LENGTH = 1024;

    private AdminPinRequest() {
    }

    /**
     * The PIN, or a message for the admin, in Keycloak's {@code errorMessage}; the message never quotes the PIN.
     */
    static Parsed<String, String> parse(byte[] body, PinSettings settings) {
        ObjectNode json = LenientJson.parseObject(body);
        if (json == null) {
            return new Parsed.Invalid<>("The body must be a JSON object such as {\"pin\": \"4821\"}");
        }
        String pin = LenientJson.text(json, "pin", MAX_FIELD_LENGTH);
        if (pin == null) {
            return new Parsed.Invalid<>("No PIN provided");
        }
        return switch (settings.check(pin)) {
            case NOT_DIGITS -> new Parsed.Invalid<>("The PIN must be digits only");
            case WRONG_LENGTH -> new Parsed.Invalid<>("The PIN must have " + settings.length() + " digits");
            case OK, WEAK, COMMON -> new Parsed.Valid<>(pin);
        };
    }
}
