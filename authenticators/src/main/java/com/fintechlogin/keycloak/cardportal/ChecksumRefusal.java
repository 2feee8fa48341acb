package com.fintechlogin.keycloak.cardportal;

import java.util.Locale;

import com.fintechlogin.keycloak.login.FailureReason;

/**
 * Why a signed request was refused before any user was looked at. The project's {@link FailureReason} says what
 * kind of refusal it is (and so what the API answers); the event detail {@value #EVENT_DETAIL} tells an admin
 * exactly which check failed, since several of them share a reason.
 */
public enum ChecksumRefusal {

    /** No enabled client has the id in the {@code affiliate} header. */
    UNKNOWN_AFFILIATE(FailureReason.CLIENT_REFUSED, null),
    /** The client exists but has no processor key: it is not an affiliate. */
    NOT_AN_AFFILIATE(FailureReason.CLIENT_REFUSED, null),
    /** The affiliate's settings cannot be used as they are (the log names the attribute). */
    MISCONFIGURED(FailureReason.NOT_CONFIGURED, null),
    /** The affiliate's processor key references a vault entry that does not exist. */
    PROCESSOR_KEY_UNAVAILABLE(FailureReason.NOT_CONFIGURED, null),
    /** The affiliate's checksum secret references a vault entry that does not exist. */
    SECRET_UNAVAILABLE(FailureReason.NOT_CONFIGURED, null),
    /** Replay protection is on and the {@code timestamp} field is missing or not epoch milliseconds. */
    TIMESTAMP_MALFORMED(FailureReason.MALFORMED_REQUEST, "timestamp"),
    /** The {@code processor-key} header is not the affiliate's processor key. */
    WRONG_PROCESSOR_KEY(FailureReason.CLIENT_REFUSED, null),
    /** The {@code checksum} header is not the checksum of the request's values and the affiliate's secret. */
    WRONG_CHECKSUM(FailureReason.CLIENT_REFUSED, null),
    /** An authentic request whose timestamp is outside the replay window. */
    STALE_TIMESTAMP(FailureReason.REPLAYED, null),
    /** An authentic request whose checksum was already accepted within the replay window. */
    REPLAYED(FailureReason.REPLAYED, null);

    /** The event detail naming the check that failed: a {@link #detail()}. */
    public static final String EVENT_DETAIL = "checksum";

    private final FailureReason reason;
    private final String field;

    ChecksumRefusal(FailureReason reason, String field) {
        this.reason = reason;
        this.field = field;
    }

    /** The project's reason, which the API's code table answers and the {@code reason} event detail records. */
    public FailureReason reason() {
        return reason;
    }

    /** The request field at fault, for a malformed request; {@code null} otherwise. */
    public String field() {
        return field;
    }

    /** The value of the {@value #EVENT_DETAIL} event detail. */
    public String detail() {
        return name().toLowerCase(Locale.ROOT);
    }
}
