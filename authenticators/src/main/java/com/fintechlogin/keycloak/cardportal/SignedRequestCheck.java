package com.fintechlogin.keycloak.cardportal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.vault.VaultStringSecret;

/**
 * Decides whether an affiliate's request is authentic: its processor key, its checksum and, under replay
 * protection, its timestamp and the single use of its checksum. It runs before any user is looked at, so a
 * request that fails here never reaches a password check or brute-force detection.
 *
 * <p>Keycloak is reached through two small seams (the vault and the single-use store), so that the rules are
 * tested without a server.
 */
public final class SignedRequestCheck {

    /** Resolves a configured value: the value itself, or the vault entry a {@code ${vault.<key>}} names. */
    @FunctionalInterface
    public interface Secrets {
        /** Empty when the vault has no such entry. */
        Optional<String> resolve(String configured);
    }

    /** Claims single-use markers in a store every node shares. */
    @FunctionalInterface
    public interface Markers {
        /** {@code true} when {@code key} was not claimed yet and now is, for {@code lifespanSeconds}. */
        boolean claim(String key, long lifespanSeconds);
    }

    private final Secrets secrets;
    private final Markers markers;
    private final LongSupplier clockMillis;

    public SignedRequestCheck(Secrets secrets, Markers markers, LongSupplier clockMillis) {
        this.secrets = secrets;
        this.markers = markers;
        this.clockMillis = clockMillis;
    }

    /** The check as the server runs it: Keycloak's vault, its single-use store and its clock. */
    public static SignedRequestCheck of(KeycloakSession session) {
        return new SignedRequestCheck(configured -> resolve(session, configured),
                (key, lifespanSeconds) -> session.singleUseObjects().putIfAbsent(key, lifespanSeconds),
                Time::currentTimeMillis);
    }

    /**
     * Why the request of affiliate {@code clientId} in realm {@code realmId} is refused, or empty when it is
     * authentic. Checked in this order: the timestamp's shape, the processor key, the checksum, the timestamp's
     * window, the single use. A checksum is marked as used only once it is known to be right, so a forged request
     * cannot spend the marker of a genuine one.
     */
    public Optional<ChecksumRefusal> check(String realmId, String clientId, ChecksumSettings settings, SignedRequest request) {
        List<String> values = new ArrayList<>();
        for (String field : settings.fields()) {
            values.add(request.fields().get(field));
        }
        if (values.contains(null)) {
            throw new IllegalArgumentException("The request lacks a field the checksum concatenates");
        }
        if (settings.replayProtected()) {
            if (!ChecksumReplay.isTimestamp(request.timestamp())) {
                return Optional.of(ChecksumRefusal.TIMESTAMP_MALFORMED);
            }
            values.add(request.timestamp());
        }

        Optional<String> processorKey = secrets.resolve(settings.processorKey());
        if (processorKey.isEmpty()) {
            return Optional.of(ChecksumRefusal.PROCESSOR_KEY_UNAVAILABLE);
        }
        // In constant time: how long the comparison takes tells nothing about how much of a guess was right.
        if (!MessageDigest.isEqual(processorKey.get().getBytes(StandardCharsets.UTF_8),
                request.processorKey().getBytes(StandardCharsets.UTF_8))) {
            return Optional.of(ChecksumRefusal.WRONG_PROCESSOR_KEY);
        }
        Optional<String> secret = secrets.resolve(settings.secret());
        if (secret.isEmpty()) {
            return Optional.of(ChecksumRefusal.SECRET_UNAVAILABLE);
        }
        if (!ChecksumVerifier.matches(request.checksum(), values, secret.get())) {
            return Optional.of(ChecksumRefusal.WRONG_CHECKSUM);
        }

        if (settings.replayProtected()) {
            long now = clockMillis.getAsLong();
            long timestamp = Long.parseLong(request.timestamp());
            if (!ChecksumReplay.withinWindow(timestamp, now, settings.replayWindowSeconds())) {
                return Optional.of(ChecksumRefusal.STALE_TIMESTAMP);
            }
            String marker = ChecksumReplay.marker(realmId, clientId, request.checksum());
            if (!markers.claim(marker, ChecksumReplay.markerLifespanSeconds(timestamp, now, settings.replayWindowSeconds()))) {
                return Optional.of(ChecksumRefusal.REPLAYED);
            }
        }
        return Optional.empty();
    }

    /**
     * Through Keycloak's vault: {@code ${vault.<key>}} is the entry, anything else the value itself. Surrounding
     * whitespace is removed, so the newline {@code echo} leaves at the end of a vault file is not part of the
     * secret; an empty result counts as missing.
     */
    private static Optional<String> resolve(KeycloakSession session, String configured) {
        try (VaultStringSecret secret = session.vault().getStringSecret(configured)) {
            return secret.get().map(String::strip).filter(value -> !value.isEmpty());
        }
    }
}
