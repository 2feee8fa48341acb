package com.fintechlogin.keycloak.device;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * A device's own key: the stronger proof a device can give instead of the documented encrypted id. At registration
 * the app sends the public half of an EC P-256 key pair it made in the device's keystore (Android Keystore, the iOS
 * Secure Enclave); at device login it signs a statement naming the realm, the device and the time. Only the device
 * can make that signature, and the server keeps nothing secret about it.
 *
 * <p>The statement, UTF-8: {@code fintech-device-login\n<realm name>\n<device id>\n<timestamp, epoch ms>}; the
 * signature SHA256withECDSA, DER-encoded, base64.
 */
public final class DeviceKeys {

    /** The order of P-256's base point: a key on another curve is refused. */
    private static final BigInteger P256_ORDER =
            new BigInteger("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);
    /** Far above a P-256 key's 91-byte SPKI; a longer value is not parsed. */
    private static final int MAX_KEY_CHARS = 512;
    /** A DER P-256 signature has at most 72 bytes. */
    private static final int MAX_SIGNATURE_BYTES = 80;

    private DeviceKeys() {
    }

    /** The key, normalized to base64 of its SPKI encoding, when {@code base64} is an EC P-256 public key; else null. */
    public static String parse(String base64) {
        PublicKey key = publicKey(base64);
        return key == null ? null : Base64.getEncoder().encodeToString(key.getEncoded());
    }

    /** The statement a device signs. */
    public static byte[] statement(String realmName, String deviceId, long timestampMillis) {
        return ("fintech-device-login\n" + realmName + "\n" + deviceId + "\n" + timestampMillis).getBytes(StandardCharsets.UTF_8);
    }

    /** Whether {@code signatureBase64} is the device key's signature of {@code statement}. */
    public static boolean verifies(String publicKeyBase64, byte[] statement, String signatureBase64) {
        PublicKey key = publicKey(publicKeyBase64);
        byte[] signature = decode(signatureBase64);
        if (key == null || signature == null || signature.length > MAX_SIGNATURE_BYTES) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance("SHA256withECDSA");
            verifier.initVerify(key);
            verifier.update(statement);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException malformed) {
            // A signature that is not DER, or not for this curve, proves nothing.
            return false;
        }
    }

    private static PublicKey publicKey(String base64) {
        if (base64 == null || base64.length() > MAX_KEY_CHARS) {
            return null;
        }
        byte[] encoded = decode(base64);
        if (encoded == null) {
            return null;
        }
        try {
            PublicKey key = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(encoded));
            return key instanceof ECPublicKey ec && P256_ORDER.equals(ec.getParams().getOrder()) ? key : null;
        } catch (GeneralSecurityException | IllegalArgumentException notAKey) {
            return null;
        }
    }

    private static byte[] decode(String base64) {
        if (base64 == null) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException notBase64) {
            try {
                return Base64.getUrlDecoder().decode(base64.strip());
            } catch (IllegalArgumentException notBase64Url) {
                return null;
            }
        }
    }
}
