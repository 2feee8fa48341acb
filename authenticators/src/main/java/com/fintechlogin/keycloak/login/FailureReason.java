package com.fintechlogin.keycloak.login;

import java.util.Locale;

import org.keycloak.events.Errors;

/**
 * Why a login did not succeed: the one vocabulary every authenticator and adapter of the project shares.
 * Each API renders these through its own code table; events carry {@link #detail()} as the {@code reason}.
 */
public enum FailureReason {

    /** The request is not one the API accepts: missing or malformed fields, bad JSON. */
    MALFORMED_REQUEST(Errors.INVALID_REQUEST, false),
    /** The HTTP method is not the documented one. */
    WRONG_METHOD(Errors.INVALID_REQUEST, false),
    /** The body is not in the documented media type. */
    WRONG_CONTENT_TYPE(Errors.INVALID_REQUEST, false),
    /** The body is larger than any valid request. */
    BODY_TOO_LARGE(Errors.INVALID_REQUEST, false),
    /** The realm lacks what this API needs (its client, the PIN pepper, an encryption key): an admin has to fix it. */
    NOT_CONFIGURED("not_configured", false),
    /** The calling app is not an enabled client allowed to use this API, or its secret is wrong. */
    CLIENT_REFUSED(Errors.INVALID_CLIENT_CREDENTIALS, false),
    /** The app token presented is not a live access token of the calling app's own service account. */
    INVALID_APP_TOKEN(Errors.INVALID_TOKEN, false),
    /** No user answers to the identifier. */
    UNKNOWN_USER(Errors.USER_NOT_FOUND, true),
    /** More than one user answers to an identifier that must be unique: fail closed. */
    AMBIGUOUS_USER(Errors.INVALID_USER, false),
    /** The user has no credential of the kind the step checks (no PIN set). */
    CREDENTIAL_NOT_SET(Errors.CREDENTIAL_NOT_FOUND, false),
    /** The device named is not registered to the user. */
    DEVICE_NOT_REGISTERED("device_not_registered", false),
    /** The attempt limit of the credential is reached; the credential was not evaluated. */
    CREDENTIAL_LOCKED(Errors.USER_TEMPORARILY_DISABLED, false),
    /**
     * The caller — its source address or its calling client — has spent its failure or success budget for the current
     * window (limit/CallerBudgets); nothing of the request was evaluated. Not reported to brute-force detection: no user
     * was even looked up. Its event's error is the budget kind's ({@code too_many_logins} for successes).
     */
    CALLER_OVER_BUDGET("too_many_failures", false),
    /** A single-use proof (an encrypted device id) was presented again. */
    REPLAYED(Errors.NOT_ALLOWED, false),
    /** The credential did not match. */
    INVALID_CREDENTIALS(Errors.INVALID_USER_CREDENTIALS, true),
    /** Brute-force detection locks the user, temporarily or permanently. */
    USER_LOCKED(Errors.USER_TEMPORARILY_DISABLED, false),
    /** An administrator disabled the user. */
    USER_DISABLED(Errors.USER_DISABLED, false),
    /** The user has required actions pending, which an API login cannot complete. */
    ACCOUNT_NOT_SET_UP(Errors.RESOLVE_REQUIRED_ACTIONS, false),
    /** The flow failed for a reason no authenticator of this project reported. */
    LOGIN_FAILED(Errors.INVALID_USER_CREDENTIALS, false);

    private final String eventError;
    private final boolean countsAsFailedAttempt;

    FailureReason(String eventError, boolean countsAsFailedAttempt) {
        this.eventError = eventError;
        this.countsAsFailedAttempt = countsAsFailedAttempt;
    }

    /** The Keycloak event error recorded for this reason. */
    public String eventError() {
        return eventError;
    }

    /** Whether the attempt is reported to brute-force detection as a failed login. */
    public boolean countsAsFailedAttempt() {
        return countsAsFailedAttempt;
    }

    /** The value of the {@code reason} event detail. */
    public String detail() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The reason named by {@link #detail()} or by the enum name; {@code null} when there is none. */
    public static FailureReason fromDetail(String value) {
        if (value == null) {
            return null;
        }
        try {
            return valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }
}
