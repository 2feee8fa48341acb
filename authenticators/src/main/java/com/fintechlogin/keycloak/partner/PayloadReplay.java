package com.fintechlogin.keycloak.partner;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The rules of single use and freshness: one single-use marker per accepted AES key, and a timestamp within the
 * window of the server's clock. Pure; Keycloak's single-use store holds the markers (see
 * {@link EncryptedRequestCheck}), so that every node of a cluster refuses a replay.
 */
public final class PayloadReplay {

    /** Namespaces the markers among everything else in Keycloak's single-use store. */
    static final String MARKER_PREFIX = "fintech.payload.";

    /** Separates these digests from any other use of the same key (the HMAC keyed with it, the AES cipher). */
    private static final byte[] LABEL = "fintech partner replay marker\n".getBytes(StandardCharsets.UTF_8);

    private PayloadReplay() {
    }

    /**
     * The marker of a request in Keycloak's single-use store: a digest of the realm and the AES key the request's
     * {@code keyValue} unwrapped to. Of the key, not of the RSA ciphertext: RSA decryption reads the ciphertext as a
     * number, so one that starts with a zero byte decrypts alike without it, and any spelling of the same ciphertext
     * (another base64 alphabet, a stripped zero byte) would otherwise be a fresh marker for the same captured request.
     * A SHA-256 digest of a random 256-bit key, so that the cache holds nothing that helps an attacker; the key itself
     * is never stored.
     */
    public static String marker(String realmId, byte[] aesKey) {
        byte[] realm = (realmId + '\n').getBytes(StandardCharsets.UTF_8);
        byte[] input = new byte[LABEL.length + realm.length + aesKey.length];
        System.arraycopy(LABEL, 0, input, 0, LABEL.length);
        System.arraycopy(realm, 0, input, LABEL.length, realm.length);
        System.arraycopy(aesKey, 0, input, LABEL.length + realm.length, aesKey.length);
        try {
            return MARKER_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(PayloadCrypto.sha256(input));
        } finally {
            PayloadCrypto.clear(input);
        }
    }

    /** Whether {@code timestampMillis} is at most {@code windowSeconds} away from {@code nowMillis}, either side. */
    public static boolean withinWindow(long timestampMillis, long nowMillis, long windowSeconds) {
        return Math.abs(nowMillis - timestampMillis) <= windowSeconds * 1000;
    }
}
