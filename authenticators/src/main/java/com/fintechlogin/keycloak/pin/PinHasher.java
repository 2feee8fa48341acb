package com.fintechlogin.keycloak.pin;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fintechlogin.keycloak.keys.PinPepper;

import org.keycloak.common.util.SecretGenerator;

/**
 * The keyed hash of a PIN: HMAC-SHA256 under the realm's pepper over {@code salt || UTF-8(pin)}.
 *
 * <p>Why not a slow password hash: a 4-digit PIN has 10,000 values, so whoever holds a database dump reverses
 * any slow hash of it on a GPU in moments, and the cost would only make every honest PIN check expensive. What
 * protects a PIN is a key that is not in the database — the pepper, kept in Keycloak's vault — together with an
 * exact limit on attempts (built apart from this class). The per-PIN salt keeps two users with the same PIN from
 * sharing a hash. A PIN check therefore stays as cheap as one HMAC.
 *
 * <p>Pure functions: the caller brings the pepper bytes ({@link PinPepper} reads them) and wipes them after.
 */
public final class PinHasher {

    /** The JCA name of the MAC, also recorded in each credential's public data. */
    public static final String ALGORITHM = "HmacSHA256";
    public static final int SALT_BYTES = 16;

    private PinHasher() {
    }

    /** 16 fresh random bytes from Keycloak's secure random source. */
    public static byte[] newSalt() {
        return SecretGenerator.getInstance().randomBytes(SALT_BYTES);
    }

    /**
     * The MAC of {@code salt || UTF-8(pin)} keyed with {@code pepper}.
     *
     * @throws IllegalArgumentException when the pepper is shorter than {@link PinPepper#MIN_BYTES}: a short key
     *                                  would make the whole scheme as weak as the PIN itself
     */
    public static byte[] hash(byte[] pepper, byte[] salt, String pin) {
        if (pepper == null || pepper.length < PinPepper.MIN_BYTES) {
            throw new IllegalArgumentException("A PIN pepper needs at least " + PinPepper.MIN_BYTES + " bytes");
        }
        if (salt == null || pin == null) {
            throw new IllegalArgumentException("A PIN hash needs a salt and a PIN");
        }
        Mac mac = newMac(pepper);
        mac.update(salt);
        return mac.doFinal(pin.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether {@code pin} hashes to {@code expected}, compared in constant time. */
    public static boolean matches(byte[] pepper, byte[] salt, String pin, byte[] expected) {
        if (expected == null) {
            return false;
        }
        return MessageDigest.isEqual(hash(pepper, salt, pin), expected);
    }

    private static Mac newMac(byte[] pepper) {
        // A Mac is stateful and not thread-safe: one per hash, no shared instance.
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(pepper, ALGORITHM));
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException unavailable) {
            // Every Java runtime ships HmacSHA256 and accepts any non-empty key for it.
            throw new IllegalStateException(ALGORITHM + " is not available", unavailable);
        }
    }
}
