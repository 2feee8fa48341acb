package com.fintechlogin.keycloak.api.manage;

import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fintechlogin.keycloak.api.http.LenientJson;
import com.fintechlogin.keycloak.api.http.Parsed;
import com.fintechlogin.keycloak.api.http.RequestBodies;
import com.fintechlogin.keycloak.device.DeviceCredentialProvider;

/**
 * {@code {"deviceId": "...", "simBindingEnabled": true}}: the device to register for the user and whether its
 * SIM/device binding is complete. {@code simBindingEnabled} may be a boolean or the string "true"/"false" (any
 * case); absent or null reads as false, since binding is only complete when the app says so. A device id with
 * surrounding spaces is refused: login compares ids exactly, while Keycloak compares credential labels trimmed.
 */
record DeviceRegistrationRequest(String deviceId, boolean simBindingEnabled) {

    static Parsed<DeviceRegistrationRequest, ManageFailure> parse(ObjectNode json) {
        String deviceId = LenientJson.text(json, "deviceId", RequestBodies.MAX_BODY_BYTES);
        if (deviceId == null) {
            return new Parsed.Invalid<>(ManageFailure.DEVICE_ID_MISSING);
        }
        if (deviceId.length() > DeviceCredentialProvider.MAX_DEVICE_ID_LENGTH || !deviceId.equals(deviceId.strip())
                || deviceId.chars().anyMatch(Character::isISOControl)) {
            return new Parsed.Invalid<>(ManageFailure.DEVICE_ID_INVALID);
        }
        Boolean simBinding = flag(json.get("simBindingEnabled"));
        if (simBinding == null) {
            return new Parsed.Invalid<>(ManageFailure.SIM_BINDING_INVALID);
        }
        return new Parsed.Valid<>(new DeviceRegistrationRequest(deviceId, simBinding));
    }

    /** The flag's value; null when it is neither a boolean nor "true"/"false". */
    private static Boolean flag(JsonNode value) {
        if (value == null || value.isNull()) {
            return Boolean.FALSE;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isTextual()) {
            return switch (value.textValue().strip().toLowerCase(Locale.ROOT)) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                default -> null;
            };
        }
        return null;
    }
}
