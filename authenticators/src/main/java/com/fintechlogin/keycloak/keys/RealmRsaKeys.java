package com.fintechlogin.keycloak.keys;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.spec.MGF1ParameterSpec;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;

import org.keycloak.crypto.Algorithm;
import org.keycloak.crypto.KeyStatus;
import org.keycloak.crypto.KeyUse;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * The realm's RSA encryption keys (Keycloak's own key providers), used with RSA-OAEP-256: SHA-256 and
 * MGF1-SHA-256, as JWA defines it. Rotation is Keycloak's: clients get the active key; a ciphertext made with
 * a key since made passive still decrypts while that key exists, because keys are found by their id.
 */
public final class RealmRsaKeys {

    public static final String ALGORITHM = Algorithm.RSA_OAEP_256;

    private static final String CIPHER = "RSA/ECB/OAEPPadding";
    private static final OAEPParameterSpec OAEP_256 =
            new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT);

    private final KeycloakSession session;
    private final RealmModel realm;

    public RealmRsaKeys(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    /** The active RSA encryption key for RSA-OAEP-256, if the realm has one. */
    public Optional<KeyWrapper> active() {
        return session.keys().getKeysStream(realm, KeyUse.ENC, ALGORITHM)
                .filter(key -> key.getStatus() == KeyStatus.ACTIVE && key.getPublicKey() != null)
                .findFirst();
    }

    /**
     * Decrypts {@code ciphertext} with the key {@code kid} (active or passive), or with the active key when no
     * id is given. Empty when there is no such key or the ciphertext does not decrypt with it.
     */
    public Optional<byte[]> decrypt(String kid, byte[] ciphertext) {
        Optional<KeyWrapper> key = kid == null || kid.isBlank()
                ? active()
                : Optional.ofNullable(session.keys().getKey(realm, kid, KeyUse.ENC, ALGORITHM))
                        .filter(found -> found.getStatus() != KeyStatus.DISABLED);
        return key.flatMap(found -> decrypt((PrivateKey) found.getPrivateKey(), ciphertext));
    }

    private static Optional<byte[]> decrypt(PrivateKey privateKey, byte[] ciphertext) {
        if (privateKey == null) {
            return Optional.empty();
        }
        try {
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.DECRYPT_MODE, privateKey, OAEP_256);
            return Optional.of(cipher.doFinal(ciphertext));
        } catch (GeneralSecurityException notOurs) {
            // Wrong key, tampered or malformed ciphertext: all the same to a caller.
            return Optional.empty();
        }
    }
}
