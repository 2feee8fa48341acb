package com.fintechlogin.keycloak.partner;

import java.util.Locale;

import com.fintechlogin.keycloak.login.FailureReason;

/**
 * Why an encrypted partner request was refused before any user was looked at. The project's {@link FailureReason}
 * and the request part in {@link #field()} decide what the API answers; the event detail {@value #EVENT_DETAIL}
 * tells an admin exactly which check failed.
 *
 * <p>Every way the payload can fail to decrypt shares one reason and one field, {@value #PAYLOAD_FIELD}, so the API
 * gives them one answer: a caller cannot tell a wrong key from bad padding, a bad tag or bad JSON, and so has no
 * padding or key oracle. Only the HMAC (checked before anything is decrypted) and single use have answers of their
 * own.
 */
public enum PayloadRefusal {

    /** {@code keyValue} is not base64. */
    KEY_VALUE_MALFORMED(Kind.NOT_DECRYPTED),
    /** {@code keyRef} names no key of the realm (deleted, disabled, never existed), or the realm has no active key. */
    UNKNOWN_KEY(Kind.NOT_DECRYPTED),
    /** {@code keyValue} does not decrypt with the realm's key (tampered, or made with another key). */
    KEY_NOT_DECRYPTED(Kind.NOT_DECRYPTED),
    /** {@code keyValue} decrypts, but not to a 32-byte AES key. */
    KEY_LENGTH(Kind.NOT_DECRYPTED),
    /** {@code hmac} is not the HMAC-SHA256 of {@code encryptData} with the AES key (or is not base64). */
    HMAC_MISMATCH(Kind.HMAC),
    /** The AES key the {@code keyValue} carries (in whatever spelling) was already accepted within the replay window. */
    REPLAYED(Kind.REPLAY),
    /** {@code ivValue} is not base64, or neither 12 nor 16 bytes. */
    IV_MALFORMED(Kind.NOT_DECRYPTED),
    /** A 16-byte IV asks for AES-CBC, which the realm does not allow. */
    CBC_NOT_ALLOWED(Kind.NOT_DECRYPTED),
    /** {@code encryptData} is not base64, or its length cannot be a ciphertext of the mode. */
    CIPHERTEXT_MALFORMED(Kind.NOT_DECRYPTED),
    /** AES-GCM: the authentication tag does not match. */
    TAG_MISMATCH(Kind.NOT_DECRYPTED),
    /** AES-CBC: the PKCS#7 padding is wrong. */
    BAD_PADDING(Kind.NOT_DECRYPTED),
    /** The plaintext is not a UTF-8 JSON object with a {@code userName} and a {@code password} of bounded length. */
    PLAINTEXT_MALFORMED(Kind.NOT_DECRYPTED),
    /** The realm requires a timestamp and the payload's is missing or not epoch milliseconds. */
    TIMESTAMP_MALFORMED(Kind.NOT_DECRYPTED),
    /** The payload's timestamp is outside the realm's window. */
    STALE_TIMESTAMP(Kind.REPLAY);

    /** The event detail naming the check that failed: a {@link #detail()}. */
    public static final String EVENT_DETAIL = "payload";
    /** The request part every decryption failure is attributed to, whatever its cause. */
    public static final String PAYLOAD_FIELD = "payload";

    private enum Kind {
        NOT_DECRYPTED(FailureReason.MALFORMED_REQUEST, PAYLOAD_FIELD),
        // The request is not from a holder of the AES key: not authentic, like a wrong checksum.
        HMAC(FailureReason.CLIENT_REFUSED, null),
        REPLAY(FailureReason.REPLAYED, null);

        private final FailureReason reason;
        private final String field;

        Kind(FailureReason reason, String field) {
            this.reason = reason;
            this.field = field;
        }
    }

    private final Kind kind;

    PayloadRefusal(Kind kind) {
        this.kind = kind;
    }

    /** The project's reason, which the API's code table answers and the {@code reason} event detail records. */
    public FailureReason reason() {
        return kind.reason;
    }

    /** {@value #PAYLOAD_FIELD} for every decryption failure; {@code null} otherwise. */
    public String field() {
        return kind.field;
    }

    /** The value of the {@value #EVENT_DETAIL} event detail. */
    public String detail() {
        return name().toLowerCase(Locale.ROOT);
    }
}
