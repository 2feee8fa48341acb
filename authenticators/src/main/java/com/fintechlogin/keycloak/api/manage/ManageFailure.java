package com.fintechlogin.keycloak.api.manage;

import java.util.Locale;

import org.keycloak.events.Errors;

/**
 * Why a user's request to set their PIN or register a device did not succeed. Apart from
 * {@link com.fintechlogin.keycloak.login.FailureReason} because these are not logins: the caller is already
 * signed in, and most refusals are about the credential being chosen. {@link ManageAnswers} maps each to its
 * ONB code; events carry {@link #detail()} as the {@code reason}.
 */
public enum ManageFailure {

    /** The body is not one JSON object. */
    MALFORMED_REQUEST(Errors.INVALID_REQUEST),
    /** A method the endpoint does not take. */
    WRONG_METHOD(Errors.INVALID_REQUEST),
    /** A media type that cannot carry JSON (XML, text, multipart). */
    WRONG_CONTENT_TYPE(Errors.INVALID_REQUEST),
    /** The body is larger than any valid request. */
    BODY_TOO_LARGE(Errors.INVALID_REQUEST),
    /** No bearer token, or not a live access token of this realm. */
    NOT_AUTHENTICATED(Errors.INVALID_TOKEN),
    /** A live token, but of a client's service account: an app is not a user and has no PIN or device. */
    NOT_A_USER(Errors.NOT_ALLOWED),
    /** The token's client is not one the realm lets change credentials ({@link CredentialChangeRules#clients()}). */
    CLIENT_NOT_ALLOWED("client_not_allowed"),
    /** The token's login proved less than a password (a mobile sign-in, an SSO re-login). */
    AUTHENTICATION_TOO_WEAK("authentication_too_weak"),
    /** The user logged in longer ago than the realm allows for a credential change. */
    AUTHENTICATION_TOO_OLD("authentication_too_old"),
    /** A forgotten PIN may be reset only after a login that checked the user's password. */
    PASSWORD_LOGIN_REQUIRED("password_login_required"),
    /** An administrator disabled the user. */
    USER_DISABLED(Errors.USER_DISABLED),
    /** Keycloak's brute-force detection locks the user; no old PIN is evaluated, as at login. */
    USER_LOCKED(Errors.USER_TEMPORARILY_DISABLED),
    /** No new PIN in a PIN request, or no current PIN in a device registration of a user who has one. */
    PIN_MISSING(Errors.INVALID_INPUT),
    /** The new PIN holds anything but the ASCII digits. */
    PIN_NOT_DIGITS(Errors.INVALID_INPUT),
    /** The new PIN is not the realm's PIN length. */
    PIN_WRONG_LENGTH(Errors.INVALID_INPUT),
    /** The new PIN is one digit repeated or a straight run, and the realm refuses those. */
    PIN_WEAK(Errors.INVALID_INPUT),
    /** The user has a PIN and a PIN change does not give it. */
    OLD_PIN_MISSING(Errors.INVALID_INPUT),
    /** The current PIN given (a change's {@code oldPin}, a device registration's {@code pin}) is not the user's PIN. */
    OLD_PIN_INCORRECT(Errors.INVALID_USER_CREDENTIALS),
    /** The PIN attempt limit is reached; the old PIN was not evaluated. */
    PIN_LOCKED(Errors.USER_TEMPORARILY_DISABLED),
    /** No device id in the request. */
    DEVICE_ID_MISSING(Errors.INVALID_INPUT),
    /**
     * The device id is longer than 255 characters, has surrounding spaces or holds control characters, or — for a
     * new device — is shorter or less varied than the realm asks ({@link com.fintechlogin.keycloak.device.DeviceSettings}).
     */
    DEVICE_ID_INVALID(Errors.INVALID_INPUT),
    /** The user has as many devices as the realm allows and this one is new. */
    DEVICE_LIMIT_REACHED("device_limit_reached"),
    /** The device to remove is not registered to the user. */
    DEVICE_NOT_REGISTERED("device_not_registered"),
    /** {@code publicKey} is not an EC P-256 public key (base64 of its SubjectPublicKeyInfo). */
    DEVICE_KEY_INVALID(Errors.INVALID_INPUT),
    /** The realm requires new devices to come with a public key, and this one does not. */
    DEVICE_KEY_REQUIRED(Errors.INVALID_INPUT),
    /** {@code simBindingEnabled} is neither a boolean nor "true"/"false". */
    SIM_BINDING_INVALID(Errors.INVALID_INPUT),
    /** The user has a device whose fingerprint (its credential label) is this one's (see {@link RegisterDeviceEndpoint}). */
    DEVICE_CONFLICT("device_conflict"),
    /** The realm has no usable PIN pepper: an admin has to fix it. */
    NOT_CONFIGURED("not_configured"),
    /** The attempt counter could not be read or written; nothing was evaluated. */
    UNAVAILABLE("unavailable");

    private final String eventError;

    ManageFailure(String eventError) {
        this.eventError = eventError;
    }

    /** The Keycloak event error recorded for this failure. */
    public String eventError() {
        return eventError;
    }

    /** The value of the {@code reason} event detail. */
    public String detail() {
        return name().toLowerCase(Locale.ROOT);
    }
}
