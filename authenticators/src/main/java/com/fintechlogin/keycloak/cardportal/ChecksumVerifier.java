package com.fintechlogin.keycloak.cardportal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The documented checksum, {@code sha256(<values concatenated> + <secret>)} in hex: pure, so that it is tested
 * with known SHA-256 vectors and nothing else decides whether a checksum matches.
 *
 * <p>The values and the secret are hashed as their UTF-8 bytes, one after the other, which is what hashing the
 * concatenated string does (the affiliate's {@code $string = $param.self::$secret_key}) without holding a copy
 * of the secret beside the values.
 */
public final class ChecksumVerifier {

    /** A SHA-256 digest is 32 bytes, 64 hex digits. */
    public static final int HEX_LENGTH = 64;

    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{" + HEX_LENGTH + "}");

    private ChecksumVerifier() {
    }

    /** The checksum of {@code values} and {@code secret} as affiliates send it: lowercase hex. */
    public static String checksum(List<String> values, String secret) {
        return HexFormat.of().formatHex(digest(values, secret));
    }

    /** Whether {@code presented} has the shape of a checksum: 64 hex digits, either case. */
    public static boolean isWellFormed(String presented) {
        return presented != null && HEX.matcher(presented).matches();
    }

    /**
     * Whether {@code presented} is the checksum of {@code values} and {@code secret}. Compared as the 32 bytes the hex
     * stands for, so the letter case of the hex does not matter, and in constant time, so the time taken tells an
     * attacker nothing about how much of a forged checksum was right.
     */
    public static boolean matches(String presented, List<String> values, String secret) {
        if (!isWellFormed(presented)) {
            return false;
        }
        return MessageDigest.isEqual(digest(values, secret), HexFormat.of().parseHex(presented));
    }

    private static byte[] digest(List<String> values, String secret) {
        MessageDigest sha256 = sha256();
        for (String value : values) {
            sha256.update(value.getBytes(StandardCharsets.UTF_8));
        }
        sha256.update(secret.getBytes(StandardCharsets.UTF_8));
        return sha256.digest();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            // Every Java platform must provide SHA-256.
            throw new IllegalStateException(impossible);
        }
    }
}
