package com.fintechlogin.keycloak.payload;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The rules of single use and freshness: one single-use marker per accepted {@code keyValue}, and a timestamp
 * within the window of the server's clock. Pure; Keycloak's single-use store holds the markers (see
 * {@link EncryptedRequestCheck}), so that every node of a cluster refuses a replay.
 */
public final class PayloadReplay {

    /** Namespaces the markers among everything else in Keycloak's single-use store. */
    static final String MARKER_PREFIX = "fintech.payload.";

    private PayloadReplay() {
    }

    /**
     * The marker of a {@code keyValue} in Keycloak's single-use store: a digest of the realm and the decoded RSA
     * ciphertext. Of the decoded bytes, so that the same key in another base64 spelling (URL-safe alphabet, no
     * padding) is the same replay; a digest, so that nothing that would help an attacker sits in the cache.
     */
    public static String marker(String realmId, byte[] wrappedKey) {
        byte[] realm = (realmId + '\n').getBytes(StandardCharsets.UTF_8);
        byte[] input = new byte[realm.length + wrappedKey.length];
        System.arraycopy(realm, 0, input, 0, realm.length);
        System.arraycopy(wrappedKey, 0, input, realm.length, wrappedKey.length);
        return MARKER_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(PayloadCrypto.sha256(input));
    }

    /** Whether {@code timestampMillis} is at most {@code windowSeconds} away from {@code nowMillis}, either side. */
    public static boolean withinWindow(long timestampMillis, long nowMillis, long windowSeconds) {
        return Math.abs(nowMillis - timestampMillis) <= windowSeconds * 1000;
    }
}
