package com.fintechlogin.keycloak.device;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/** The single-use marker of a mode-2 ciphertext, and the decoding of its base64 form. */
final class DeviceCiphertexts {

    private static final String MARKER_PREFIX = "fintech.device-ciphertext.";

    private DeviceCiphertexts() {
    }

    /** The ciphertext's bytes, or {@code null} when it is not base64 (standard or URL-safe alphabet). */
    static byte[] decode(String base64) {
        String compact = base64.strip();
        try {
            return Base64.getDecoder().decode(compact);
        } catch (IllegalArgumentException notStandard) {
            try {
                return Base64.getUrlDecoder().decode(compact);
            } catch (IllegalArgumentException notBase64) {
                return null;
            }
        }
    }

    /**
     * The key of the ciphertext in Keycloak's single-use store: a digest, so that neither the ciphertext nor
     * anything derived from it that would help an attacker sits in the cache.
     */
    static String marker(String realmId, byte[] ciphertext) {
        try {
            // The integer the ciphertext encodes, not its bytes: Java's RSA accepts it with its leading zero bytes
            // dropped, and such a re-encoding must be the same replay.
            int start = 0;
            while (start < ciphertext.length - 1 && ciphertext[start] == 0) {
                start++;
            }
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(ciphertext, start, ciphertext.length - start);
            byte[] digest = sha256.digest();
            return MARKER_PREFIX + realmId + "." + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    static boolean matches(byte[] plaintext, String deviceId) {
        return MessageDigest.isEqual(plaintext, deviceId.getBytes(StandardCharsets.UTF_8));
    }
}
