package com.fintechlogin.keycloak.api.manage;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fintechlogin.keycloak.json.LenientJson;
import com.fintechlogin.keycloak.json.Parsed;
import com.fintechlogin.keycloak.pin.PinCheck;

/**
 * {@code {"pin": "...", "oldPin": "...", "forgotPin": false}}: the PIN the user chooses and, when they have one,
 * their current PIN — or {@code forgotPin} when they cannot give it. Numbers are read as their digits
 * ({@code "pin": 4821}); {@code forgotPin} is a boolean or "true"/"false", absent meaning false. Whether the new
 * PIN suits the realm is decided later, by {@link #failureOf(PinCheck)} on the realm's verdict.
 */
record PinChangeRequest(String pin, String oldPin, boolean forgotPin) {

    /** Far above any PIN; a longer value reads as missing rather than costing a PIN check. */
    static final int MAX_FIELD_LENGTH = 1024;

    static Parsed<PinChangeRequest, ManageFailure> parse(ObjectNode json) {
        String pin = LenientJson.text(json, "pin", MAX_FIELD_LENGTH);
        if (pin == null) {
            return new Parsed.Invalid<>(ManageFailure.PIN_MISSING);
        }
        Boolean forgotPin = JsonFlags.flag(json.get("forgotPin"));
        if (forgotPin == null) {
            return new Parsed.Invalid<>(ManageFailure.MALFORMED_REQUEST);
        }
        return new Parsed.Valid<>(new PinChangeRequest(pin, LenientJson.text(json, "oldPin", MAX_FIELD_LENGTH), forgotPin));
    }

    /** The answer to a new PIN the realm refuses; null when it accepts it. */
    static ManageFailure failureOf(PinCheck check) {
        return switch (check) {
            case OK -> null;
            case NOT_DIGITS -> ManageFailure.PIN_NOT_DIGITS;
            case WRONG_LENGTH -> ManageFailure.PIN_WRONG_LENGTH;
            // The documented answer to a PIN too easy to guess, whichever rule found it.
            case WEAK, COMMON -> ManageFailure.PIN_WEAK;
        };
    }

    /** Never prints either PIN. */
    @Override
    public String toString() {
        return "PinChangeRequest[oldPin " + (oldPin == null ? "absent" : "present") + ", forgotPin " + forgotPin + "]";
    }
}
