package com.fintechlogin.keycloak.device;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fintechlogin.keycloak.keys.PinPepper;
import com.fintechlogin.keycloak.keys.PinPepperUnavailableException;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * A device id as the server keeps it: never in clear. A device id is what a PIN login sends beside the PIN and what
 * the documented device proof encrypts, so whoever reads it off a database dump, an admin screen or the account
 * console could log in as the device. It is stored as an HMAC under the realm's vault pepper (the PIN's key, which
 * the database never holds) and shown only as a short fingerprint of that keyed hash, which tells devices apart
 * and reveals nothing of the id.
 *
 * <p>Deterministic, unlike a PIN's salted hash: a login names its device by id, and the server finds it by
 * hashing that id once.
 */
public final class DeviceIds {

    private static final String ALGORITHM = "HmacSHA256";
    /** Domain separation: the same pepper keys PIN hashes, which must never coincide with a device id's. */
    private static final byte[] CONTEXT = "fintech-device-id\0".getBytes(StandardCharsets.UTF_8);
    private static final int FINGERPRINT_BYTES = 4;

    private DeviceIds() {
    }

    /**
     * The keyed hash of {@code deviceId} under the realm's pepper.
     *
     * @throws PinPepperUnavailableException when the realm has no usable pepper
     */
    public static byte[] hash(KeycloakSession session, RealmModel realm, String deviceId) {
        byte[] pepper = PinPepper.current(session, realm);
        try {
            return hash(pepper, deviceId);
        } finally {
            Arrays.fill(pepper, (byte) 0);
        }
    }

    static byte[] hash(byte[] pepper, String deviceId) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(pepper, ALGORITHM));
            mac.update(CONTEXT);
            return mac.doFinal(deviceId.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException impossible) {
            throw new IllegalStateException("HmacSHA256 is unavailable", impossible);
        }
    }

    /** Eight hex digits of the keyed hash: what admins, the account console and events see of a device. */
    public static String fingerprint(byte[] hash) {
        return HexFormat.of().formatHex(hash, 0, FINGERPRINT_BYTES);
    }

    /** Whether two hashes are the same, in constant time. */
    static boolean same(byte[] a, byte[] b) {
        return a != null && b != null && MessageDigest.isEqual(a, b);
    }
}
