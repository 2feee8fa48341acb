package com.fintechlogin.keycloak.api.pindevice;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fintechlogin.keycloak.api.http.ConstantTime;
import com.fintechlogin.keycloak.app.AppTokenVerifier;
import com.fintechlogin.keycloak.device.DeviceCredentialProvider;
import com.fintechlogin.keycloak.json.LenientJson;
import com.fintechlogin.keycloak.json.Parsed;
import com.fintechlogin.keycloak.login.SignInMode;

/**
 * The PIN/device login's body, {@code {keyRef, pin, signInMode, token, authType, deviceId}}, checked in the order of
 * the document's code table. Mode 1: {@code pin} is the PIN; mode 2: base64 of the encrypted device id.
 */
record PinDeviceLoginRequest(String keyRef, String pin, SignInMode mode, String token, String deviceId, String timestamp) {

    /** The document's words for a login that succeeded in {@code mode}. */
    static String successMessage(SignInMode mode) {
        return switch (mode) {
            case PIN -> "PIN Validated Successfully";
            case DEVICE -> "Device Validated Successfully";
        };
    }

    // The request parts a malformed request can be refused for; PinDeviceAnswers maps each to its code.
    static final String HEADERS = "headers";
    static final String BODY = "request body";
    static final String SIGN_IN_MODE_MISSING = "signInMode";
    static final String SIGN_IN_MODE_INVALID = "signInMode.value";
    static final String AUTH_TYPE_INVALID = "authType";
    static final String PIN_MISSING = "pin";
    static final String PIN_LENGTH = "pin.length";
    static final String DEVICE_ID_MISSING = "deviceId";
    static final String TOKEN_INVALID = "token";

    /** RSA-2048 ciphertext in base64 is 344 characters; a 4096-bit key's is 684. */
    private static final int MAX_PIN_FIELD_LENGTH = 1024;
    private static final int MAX_KEY_REF_LENGTH = 128;

    /**
     * Parses and checks the body; {@code pinLength} is the realm's PIN length (mode 1 only);
     * {@code appToken} the header's app token, which the body must repeat.
     */
    static Parsed<PinDeviceLoginRequest, String> parse(byte[] body, int pinLength, String appToken) {
        ObjectNode json = LenientJson.parseObject(body);
        if (json == null) {
            return new Parsed.Invalid<>(BODY);
        }
        String modeValue = LenientJson.text(json, "signInMode", 8);
        if (modeValue == null) {
            return new Parsed.Invalid<>(SIGN_IN_MODE_MISSING);
        }
        SignInMode mode = SignInMode.of(modeValue.strip());
        if (mode == null) {
            return new Parsed.Invalid<>(SIGN_IN_MODE_INVALID);
        }
        if (!"1".equals(stripped(LenientJson.text(json, "authType", 8)))) {
            return new Parsed.Invalid<>(AUTH_TYPE_INVALID);
        }
        String pin = LenientJson.text(json, "pin", MAX_PIN_FIELD_LENGTH);
        if (pin == null) {
            return new Parsed.Invalid<>(PIN_MISSING);
        }
        if (mode == SignInMode.PIN && pin.length() != pinLength) {
            return new Parsed.Invalid<>(PIN_LENGTH);
        }
        String deviceId = LenientJson.text(json, "deviceId", DeviceCredentialProvider.MAX_DEVICE_ID_LENGTH);
        if (deviceId == null) {
            return new Parsed.Invalid<>(DEVICE_ID_MISSING);
        }
        String token = AppTokenVerifier.stripBearer(LenientJson.text(json, "token", AppTokenVerifier.MAX_TOKEN_LENGTH + 16));
        if (token == null || !ConstantTime.equal(token, appToken)) {
            return new Parsed.Invalid<>(TOKEN_INVALID);
        }
        String keyRef = LenientJson.text(json, "keyRef", MAX_KEY_REF_LENGTH);
        // Only a device registered with a key signs a statement with a time; the documented request has none.
        String timestamp = LenientJson.text(json, "timestamp", 32);
        return new Parsed.Valid<>(new PinDeviceLoginRequest(keyRef == null ? null : keyRef.strip(), pin, mode, token, deviceId,
                timestamp));
    }

    private static String stripped(String value) {
        return value == null ? null : value.strip();
    }

    /** Never prints the PIN, the ciphertext or the token. */
    @Override
    public String toString() {
        // Never the device id: it is as good as a credential of the user's.
        return "PinDeviceLoginRequest[mode=" + mode + ", keyRef=" + keyRef + "]";
    }
}
