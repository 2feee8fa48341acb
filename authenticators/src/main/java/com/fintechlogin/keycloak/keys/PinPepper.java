package com.fintechlogin.keycloak.keys;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.vault.VaultStringSecret;

import org.jboss.logging.Logger;

/**
 * The realm's PIN pepper: the HMAC key of PIN hashes and of stored device ids, kept in Keycloak's vault so that it
 * is never in the database beside the hashes. With the file vault it is the file {@code <realm>_pin-pepper} in the
 * vault directory. It lives with the realm's keys because PIN and device login both key their hashes with it.
 *
 * <p>The key is the UTF-8 bytes of the vault entry as a string, surrounding whitespace removed (so the newline
 * {@code echo} leaves at the end of a file is not part of it); the 64 hex characters of the demo pepper are
 * therefore a 64-byte key. At least {@value #MIN_BYTES} bytes are required. A missing or short pepper fails
 * closed with {@link PinPepperUnavailableException} and one ERROR line naming the realm and the key.
 */
public final class PinPepper {

    /** The vault key new PINs are hashed under. */
    public static final String VAULT_KEY = "pin-pepper";
    public static final int MIN_BYTES = 32;

    /**
     * Vault keys a credential may name: {@value #VAULT_KEY}, or that plus a suffix for a rotated pepper. Nothing
     * else, so that a credential row cannot make the PIN check key itself with some other vault secret.
     */
    private static final Pattern PEPPER_KEY = Pattern.compile("pin-pepper(-[A-Za-z0-9]+)*");

    private static final Logger LOG = Logger.getLogger(PinPepper.class);

    private PinPepper() {
    }

    /**
     * The realm's current pepper ({@value #VAULT_KEY}), for other keyed hashes of the project (device ids). The
     * caller wipes the returned array once done.
     *
     * @throws PinPepperUnavailableException when it is missing or too short
     */
    public static byte[] current(KeycloakSession session, RealmModel realm) {
        return read(session, realm, VAULT_KEY);
    }

    /**
     * The pepper stored under {@code vaultKey} for {@code realm}. The caller wipes the returned array once done.
     *
     * @throws PinPepperUnavailableException when it is missing or too short
     * @throws IllegalArgumentException       when {@code vaultKey} is not a {@link #isPepperKey pepper key}
     */
    public static byte[] read(KeycloakSession session, RealmModel realm, String vaultKey) {
        if (!isPepperKey(vaultKey)) {
            throw new IllegalArgumentException("Not a PIN pepper vault key");
        }
        boolean present;
        Optional<byte[]> key;
        try (VaultStringSecret secret = RealmVault.read(session, realm, vaultKey)) {
            Optional<String> value = secret.get();
            present = value.isPresent();
            key = value.flatMap(PinPepper::keyOf);
        }
        if (key.isPresent()) {
            return key.get();
        }
        if (!present) {
            LOG.errorf("PIN login and PIN changes are failing in realm '%s': the vault has no entry '%s' (with the"
                    + " file vault, the file '%s_%s' in the vault directory). Add a random secret of at least %d bytes.",
                    realm.getName(), vaultKey, realm.getName().replace("_", "__"), vaultKey, MIN_BYTES);
            throw new PinPepperUnavailableException(realm.getName(), vaultKey, PinPepperUnavailableException.Problem.MISSING);
        }
        LOG.errorf("PIN login and PIN changes are failing in realm '%s': the vault entry '%s' is shorter than %d bytes."
                + " Replace it with a random secret of at least %d bytes.", realm.getName(), vaultKey, MIN_BYTES, MIN_BYTES);
        throw new PinPepperUnavailableException(realm.getName(), vaultKey, PinPepperUnavailableException.Problem.TOO_SHORT);
    }

    /** The HMAC key a vault entry stands for; empty when it is too short to be one. */
    static Optional<byte[]> keyOf(String vaultValue) {
        if (vaultValue == null) {
            return Optional.empty();
        }
        byte[] key = vaultValue.strip().getBytes(StandardCharsets.UTF_8);
        if (key.length < MIN_BYTES) {
            Arrays.fill(key, (byte) 0);
            return Optional.empty();
        }
        return Optional.of(key);
    }

    /** Whether a credential may name this vault key as its pepper. */
    public static boolean isPepperKey(String vaultKey) {
        return vaultKey != null && PEPPER_KEY.matcher(vaultKey).matches();
    }
}
