package com.fintechlogin.bench;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;

/** What an app or partner computes before calling the PIN/device login in mode 2 (device) or the partner login. */
public final class ClientCrypto {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final OAEPParameterSpec OAEP_SHA256 =
            new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT);

    /** The partner's headers and body for one request, as the API reference's scheme describes. */
    public record Sealed(String keyValue, String ivValue, String hmac, String encryptData) {
    }

    private final PublicKey realmKey;

    /** @param publicKeyBase64 the realm's RSA encryption key as the public-key API gives it (X.509, base64) */
    public ClientCrypto(String publicKeyBase64) {
        try {
            realmKey = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKeyBase64)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Not an RSA public key", e);
        }
    }

    /** PIN/device login, mode 2: base64 of RSA-OAEP-256 over the device id; a fresh ciphertext every call. */
    public String encryptDeviceId(String deviceId) {
        return b64(rsa(deviceId.getBytes(StandardCharsets.UTF_8)));
    }

    /** Partner login: a fresh AES-256 key and 12-byte IV, AES-GCM over the payload, HMAC-SHA256 over encryptData, the key RSA-wrapped. */
    public Sealed seal(String payload) {
        try {
            byte[] key = random(32);
            byte[] iv = random(12);
            Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
            String encryptData = b64(aes.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            String hmac = b64(mac.doFinal(encryptData.getBytes(StandardCharsets.UTF_8)));
            return new Sealed(b64(rsa(key)), b64(iv), hmac, encryptData);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] rsa(byte[] plaintext) {
        try {
            Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPPadding");
            rsa.init(Cipher.ENCRYPT_MODE, realmKey, OAEP_SHA256);
            return rsa.doFinal(plaintext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] random(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
