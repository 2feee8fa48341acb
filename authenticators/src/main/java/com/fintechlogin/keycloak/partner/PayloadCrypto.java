package com.fintechlogin.keycloak.partner;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.AEADBadTagException;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.IllegalBlockSizeException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The symmetric half of the scheme: base64, the HMAC and AES-256 decryption. Pure and JDK-only, so that it is
 * tested with published vectors and nothing else decides whether a request's HMAC or ciphertext is right.
 */
public final class PayloadCrypto {

    /** AES-256. */
    public static final int KEY_BYTES = 32;

    private static final String HMAC = "HmacSHA256";

    private PayloadCrypto() {
    }

    /** What decrypting a payload gave. */
    public sealed interface Decryption {
    }

    /** The plaintext bytes; the caller clears them when done. */
    public record Decrypted(byte[] plaintext) implements Decryption {

        /** Never prints the plaintext (it holds the password). */
        @Override
        public String toString() {
            return "Decrypted[" + plaintext.length + " bytes]";
        }
    }

    /** Why it did not decrypt; for the event only, never for the answer. */
    public record NotDecrypted(PayloadRefusal refusal) implements Decryption {
    }

    /**
     * The bytes of base64 text in the standard alphabet or the URL-safe one, with or without padding; {@code null}
     * when it is neither. Nothing else is skipped: no spaces, no line breaks (callers remove those they accept).
     */
    public static byte[] decodeBase64(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException notStandard) {
            try {
                return Base64.getUrlDecoder().decode(text);
            } catch (IllegalArgumentException notBase64) {
                return null;
            }
        }
    }

    /** HMAC-SHA256 of the UTF-8 bytes of {@code text} with {@code key}. */
    public static byte[] hmacSha256(byte[] key, String text) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException impossible) {
            // Every Java platform has HmacSHA256, and it takes a key of any non-empty length.
            throw new IllegalStateException(impossible);
        }
    }

    /**
     * Whether {@code presentedBase64} is the HMAC-SHA256 of {@code text} with {@code key}. Compared as bytes in
     * constant time, so the time taken tells nothing about how much of a forged HMAC was right; text that is not
     * base64 is compared as no bytes, and so never matches.
     */
    public static boolean hmacMatches(byte[] key, String text, String presentedBase64) {
        byte[] presented = decodeBase64(presentedBase64);
        return MessageDigest.isEqual(hmacSha256(key, text), presented == null ? new byte[0] : presented);
    }

    /**
     * AES-256 decryption of {@code ciphertext} in {@code mode}. {@code key} must be {@value #KEY_BYTES} bytes and
     * {@code iv} the mode's length; a failure is reported as its {@link PayloadRefusal}, all of which the API answers
     * alike.
     */
    public static Decryption decrypt(AesMode mode, byte[] key, byte[] iv, byte[] ciphertext) {
        if (key.length != KEY_BYTES || iv.length != mode.ivBytes()) {
            throw new IllegalArgumentException("AES-256 takes a 32-byte key and a " + mode.ivBytes() + "-byte IV in " + mode);
        }
        if (!mode.isPossibleCiphertextLength(ciphertext.length)) {
            return new NotDecrypted(PayloadRefusal.CIPHERTEXT_MALFORMED);
        }
        try {
            Cipher cipher = Cipher.getInstance(mode.transformation());
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), mode.parameters(iv));
            return new Decrypted(cipher.doFinal(ciphertext));
        } catch (AEADBadTagException badTag) {
            return new NotDecrypted(PayloadRefusal.TAG_MISMATCH);
        } catch (BadPaddingException badPadding) {
            return new NotDecrypted(PayloadRefusal.BAD_PADDING);
        } catch (IllegalBlockSizeException badLength) {
            return new NotDecrypted(PayloadRefusal.CIPHERTEXT_MALFORMED);
        } catch (InvalidKeyException | InvalidAlgorithmParameterException impossible) {
            // The key and IV lengths are checked above.
            throw new IllegalStateException(impossible);
        } catch (GeneralSecurityException impossible) {
            // Every Java platform has AES in GCM and CBC with PKCS5Padding.
            throw new IllegalStateException(impossible);
        }
    }

    /** Overwrites key material or plaintext that is no longer needed, so it does not linger until collected. */
    static void clear(byte[] secret) {
        Arrays.fill(secret, (byte) 0);
    }

    static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException impossible) {
            // Every Java platform must provide SHA-256.
            throw new IllegalStateException(impossible);
        }
    }
}
