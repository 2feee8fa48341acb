package com.fintechlogin.keycloak.api.manage;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fintechlogin.keycloak.api.http.RequestBodies;
import com.fintechlogin.keycloak.device.DeviceCredentialProvider;
import com.fintechlogin.keycloak.device.DeviceKeys;
import com.fintechlogin.keycloak.json.LenientJson;
import com.fintechlogin.keycloak.json.Parsed;

/**
 * {@code {"deviceId": "...", "simBindingEnabled": true, "pin": "...", "publicKey": "..."}}: the device to register
 * for the user, the app's word on its SIM binding, the user's current PIN (asked of users who have one) and, for a
 * device that can prove itself with a key of its own, that key's public half ({@link DeviceKeys}). The binding flag is
 * still read in its documented shapes — a boolean or the string "true"/"false", absent meaning false — so that
 * existing apps' requests stay valid, but it is the app's claim, not the user's to set: the endpoint stores its own
 * value. A device id with surrounding spaces is refused: login compares ids exactly, while Keycloak compares
 * credential labels trimmed.
 */
record DeviceRegistrationRequest(String deviceId, boolean simBindingClaimed, String pin, String publicKey) {

    static Parsed<DeviceRegistrationRequest, ManageFailure> parse(ObjectNode json) {
        Parsed<String, ManageFailure> deviceId = deviceId(json);
        if (deviceId instanceof Parsed.Invalid<String, ManageFailure> invalid) {
            return new Parsed.Invalid<>(invalid.problem());
        }
        Boolean simBinding = JsonFlags.flag(json.get("simBindingEnabled"));
        if (simBinding == null) {
            return new Parsed.Invalid<>(ManageFailure.SIM_BINDING_INVALID);
        }
        String publicKey = null;
        String sentKey = LenientJson.text(json, "publicKey", PinChangeRequest.MAX_FIELD_LENGTH);
        if (sentKey != null) {
            publicKey = DeviceKeys.parse(sentKey);
            if (publicKey == null) {
                return new Parsed.Invalid<>(ManageFailure.DEVICE_KEY_INVALID);
            }
        }
        return new Parsed.Valid<>(new DeviceRegistrationRequest(((Parsed.Valid<String, ManageFailure>) deviceId).value(),
                simBinding, LenientJson.text(json, "pin", PinChangeRequest.MAX_FIELD_LENGTH), publicKey));
    }

    /** The body's device id, as registration and removal read it. */
    static Parsed<String, ManageFailure> deviceId(ObjectNode json) {
        String deviceId = LenientJson.text(json, "deviceId", RequestBodies.MAX_BODY_BYTES);
        if (deviceId == null) {
            return new Parsed.Invalid<>(ManageFailure.DEVICE_ID_MISSING);
        }
        if (deviceId.length() > DeviceCredentialProvider.MAX_DEVICE_ID_LENGTH || !deviceId.equals(deviceId.strip())
                || deviceId.chars().anyMatch(Character::isISOControl)) {
            return new Parsed.Invalid<>(ManageFailure.DEVICE_ID_INVALID);
        }
        return new Parsed.Valid<>(deviceId);
    }

    /** Never prints the PIN. */
    @Override
    public String toString() {
        return "DeviceRegistrationRequest[pin " + (pin == null ? "absent" : "present") + ", key " + (publicKey == null ? "absent" : "present") + "]";
    }
}
