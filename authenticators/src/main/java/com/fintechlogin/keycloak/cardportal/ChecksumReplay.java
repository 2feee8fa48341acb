package com.fintechlogin.keycloak.cardportal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The rules of the optional replay protection: a timestamp within the window of the server's clock, and one
 * single-use marker per accepted checksum that lives until that timestamp has left the window — after which the
 * request is refused as stale anyway. Pure; Keycloak's single-use store holds the markers (see
 * {@link SignedRequestCheck}), so that every node of a cluster refuses a replay.
 */
public final class ChecksumReplay {

    /** Namespaces the markers among everything else in Keycloak's single-use store. */
    static final String MARKER_PREFIX = "fintech.cs.";

    /** Epoch milliseconds: 13 digits until the year 2286; a few more are harmless and cannot overflow. */
    private static final Pattern TIMESTAMP = Pattern.compile("[0-9]{1,15}");

    private ChecksumReplay() {
    }

    /** Whether {@code value} is a timestamp as the checksum scheme takes it: epoch milliseconds in decimal digits. */
    public static boolean isTimestamp(String value) {
        return value != null && TIMESTAMP.matcher(value).matches();
    }

    /** Whether {@code timestampMillis} is at most {@code windowSeconds} away from {@code nowMillis}, either side. */
    public static boolean withinWindow(long timestampMillis, long nowMillis, long windowSeconds) {
        return Math.abs(nowMillis - timestampMillis) <= windowSeconds * 1000;
    }

    /**
     * How long the marker of a checksum accepted now must live: until its timestamp leaves the window (at most twice
     * the window, for a timestamp ahead of the server's clock), at least a second.
     */
    public static long markerLifespanSeconds(long timestampMillis, long nowMillis, long windowSeconds) {
        long remainingMillis = timestampMillis + windowSeconds * 1000 - nowMillis;
        return Math.max(1, (remainingMillis + 999) / 1000);
    }

    /**
     * The marker of a checksum in Keycloak's single-use store: a short digest of the realm, the client and the
     * checksum's lowercase hex — lowercase, so that the same checksum in capitals is the same replay.
     */
    public static String marker(String realmId, String clientId, String checksum) {
        MessageDigest sha256 = ChecksumVerifier.sha256();
        String input = realmId + '\n' + clientId + '\n' + checksum.toLowerCase(Locale.ROOT);
        byte[] digest = sha256.digest(input.getBytes(StandardCharsets.UTF_8));
        return MARKER_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }
}
