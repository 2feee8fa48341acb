package com.fintechlogin.keycloak.partner;

import java.util.Optional;
import java.util.function.LongSupplier;

import com.fintechlogin.keycloak.json.Parsed;
import com.fintechlogin.keycloak.keys.RealmRsaKeys;

import org.keycloak.common.util.Time;
import org.keycloak.crypto.KeyStatus;
import org.keycloak.crypto.KeyUse;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Decides whether a partner's encrypted request is authentic, fresh and unused, and decrypts it. It runs before any
 * user is looked at, so a request that fails here never reaches a password check or brute-force detection.
 *
 * <p>In this order: the AES key is unwrapped with the realm's RSA key; the HMAC over {@code encryptData} is verified
 * in constant time; the unwrapped key is marked as used (by a digest, see {@link PayloadReplay#marker}); only then is
 * anything decrypted, and the payload's timestamp checked. Marking before decrypting means a request is decrypted at
 * most once, whatever the outcome, so a captured request cannot be replayed with a changed IV or ciphertext to learn
 * from the answers; and marking only after the HMAC means a forged request cannot spend the marker of a genuine one.
 *
 * <p>Keycloak is reached through two small seams (the realm's keys and the single-use store), so that the rules
 * are tested without a server.
 */
public final class EncryptedRequestCheck {

    /** The realm's RSA-OAEP-256 keys. */
    public interface Keys {
        /**
         * The plaintext of {@code wrappedKey}, decrypted with the key {@code keyRef} names (active or passive), or with
         * the active key when it is {@code null}; empty when there is no such key or the ciphertext does not decrypt.
         */
        Optional<byte[]> unwrap(String keyRef, byte[] wrappedKey);

        /** Whether the key {@code keyRef} names exists (the active key when {@code null}); for the event alone. */
        boolean exists(String keyRef);
    }

    /** Claims single-use markers in a store every node shares. */
    @FunctionalInterface
    public interface Markers {
        /** {@code true} when {@code key} was not claimed yet and now is, for {@code lifespanSeconds}. */
        boolean claim(String key, long lifespanSeconds);
    }

    /** What the check concluded. */
    public sealed interface Outcome {
    }

    /** An authentic, fresh, first-time request, and what it carries. */
    public record Accepted(PartnerLogin login) implements Outcome {
    }

    public record Refused(PayloadRefusal refusal) implements Outcome {
    }

    private final Keys keys;
    private final Markers markers;
    private final LongSupplier clockMillis;

    public EncryptedRequestCheck(Keys keys, Markers markers, LongSupplier clockMillis) {
        this.keys = keys;
        this.markers = markers;
        this.clockMillis = clockMillis;
    }

    /** The check as the server runs it: the realm's RSA keys, Keycloak's single-use store and its clock. */
    public static EncryptedRequestCheck of(KeycloakSession session, RealmModel realm) {
        RealmRsaKeys rsaKeys = new RealmRsaKeys(session, realm);
        Keys keys = new Keys() {
            @Override
            public Optional<byte[]> unwrap(String keyRef, byte[] wrappedKey) {
                return rsaKeys.decrypt(keyRef, wrappedKey);
            }

            @Override
            public boolean exists(String keyRef) {
                if (keyRef == null || keyRef.isBlank()) {
                    return rsaKeys.active().isPresent();
                }
                return Optional.ofNullable(session.keys().getKey(realm, keyRef, KeyUse.ENC, RealmRsaKeys.ALGORITHM))
                        .filter(key -> key.getStatus() != KeyStatus.DISABLED)
                        .isPresent();
            }
        };
        Markers markers = (key, lifespanSeconds) -> session.singleUseObjects().putIfAbsent(key, lifespanSeconds);
        return new EncryptedRequestCheck(keys, markers, Time::currentTimeMillis);
    }

    /** Why the request is refused, or what it carries; {@code realmId} namespaces the replay markers. */
    public Outcome check(String realmId, PartnerSettings settings, EncryptedRequest request) {
        byte[] wrapped = PayloadCrypto.decodeBase64(request.keyValue());
        // A keyValue that is not base64 still costs the private-key operation a wrong one costs (on no bytes, which
        // never decrypt), so the time taken does not tell the two apart.
        Optional<byte[]> unwrapped = keys.unwrap(request.keyRef(), wrapped == null ? new byte[0] : wrapped);
        if (wrapped == null) {
            unwrapped.ifPresent(PayloadCrypto::clear);
            return new Refused(PayloadRefusal.KEY_VALUE_MALFORMED);
        }
        if (unwrapped.isEmpty()) {
            boolean keyExists = keys.exists(request.keyRef());
            return new Refused(keyExists ? PayloadRefusal.KEY_NOT_DECRYPTED : PayloadRefusal.UNKNOWN_KEY);
        }
        byte[] key = unwrapped.get();
        try {
            if (key.length != PayloadCrypto.KEY_BYTES) {
                return new Refused(PayloadRefusal.KEY_LENGTH);
            }
            if (!PayloadCrypto.hmacMatches(key, request.encryptData(), request.hmac())) {
                return new Refused(PayloadRefusal.HMAC_MISMATCH);
            }
            // The key, not the keyValue that carried it: every spelling of a captured keyValue unwraps to the same key.
            if (!markers.claim(PayloadReplay.marker(realmId, key), settings.markerLifespanSeconds())) {
                return new Refused(PayloadRefusal.REPLAYED);
            }
            return decrypt(settings, request, key);
        } finally {
            PayloadCrypto.clear(key);
        }
    }

    private Outcome decrypt(PartnerSettings settings, EncryptedRequest request, byte[] key) {
        byte[] iv = PayloadCrypto.decodeBase64(request.ivValue());
        AesMode mode = iv == null ? null : AesMode.forIvLength(iv.length);
        if (mode == null) {
            return new Refused(PayloadRefusal.IV_MALFORMED);
        }
        if (mode == AesMode.CBC && !settings.cbcAllowed()) {
            return new Refused(PayloadRefusal.CBC_NOT_ALLOWED);
        }
        // Encoders that wrap base64 lines (openssl, MIME) are common; the HMAC above covered the text as sent.
        byte[] ciphertext = PayloadCrypto.decodeBase64(withoutLineBreaks(request.encryptData()));
        if (ciphertext == null) {
            return new Refused(PayloadRefusal.CIPHERTEXT_MALFORMED);
        }
        PayloadCrypto.Decryption decryption = PayloadCrypto.decrypt(mode, key, iv, ciphertext);
        if (decryption instanceof PayloadCrypto.NotDecrypted notDecrypted) {
            return new Refused(notDecrypted.refusal());
        }
        byte[] plaintext = ((PayloadCrypto.Decrypted) decryption).plaintext();
        try {
            Parsed<PartnerLogin, PayloadRefusal> parsed = PartnerLogin.parse(plaintext);
            if (parsed instanceof Parsed.Invalid<PartnerLogin, PayloadRefusal> invalid) {
                return new Refused(invalid.problem());
            }
            PartnerLogin login = ((Parsed.Valid<PartnerLogin, PayloadRefusal>) parsed).value();
            if (settings.timestampRequired()) {
                if (login.timestamp() == null) {
                    return new Refused(PayloadRefusal.TIMESTAMP_MALFORMED);
                }
                if (!PayloadReplay.withinWindow(login.timestamp(), clockMillis.getAsLong(), settings.windowSeconds())) {
                    return new Refused(PayloadRefusal.STALE_TIMESTAMP);
                }
            }
            return new Accepted(login);
        } finally {
            PayloadCrypto.clear(plaintext);
        }
    }

    private static String withoutLineBreaks(String text) {
        return text.indexOf('\n') < 0 && text.indexOf('\r') < 0 ? text : text.replace("\r", "").replace("\n", "");
    }
}
