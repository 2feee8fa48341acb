package com.fintechlogin.keycloak.device;

import com.fintechlogin.keycloak.login.RealmAttributes;

import org.keycloak.models.RealmModel;

/**
 * The realm's rules for registered devices, read from realm attributes — the one place they are read.
 *
 * @param minIdLength          the fewest characters a new device id may have ({@value #MIN_ID_LENGTH_ATTRIBUTE},
 *                             default {@value #DEFAULT_MIN_ID_LENGTH})
 * @param minIdDistinct        the fewest different characters it may have ({@value #MIN_ID_DISTINCT_ATTRIBUTE},
 *                             default {@value #DEFAULT_MIN_ID_DISTINCT}): "aaaaaaaaaaaaaaaa" is long, not unguessable
 * @param keyRequired          whether a new device must come with a public key ({@value #KEY_REQUIRED_ATTRIBUTE},
 *                             default false, so that apps of the documented scheme keep registering)
 * @param encryptedIdProof     whether a device without a key may log in with the documented encrypted-id proof
 *                             ({@value #ENCRYPTED_ID_PROOF_ATTRIBUTE}, default true)
 * @param signatureWindowSeconds how far a signed statement's timestamp may be from the server's clock
 */
public record DeviceSettings(int minIdLength, int minIdDistinct, boolean keyRequired, boolean encryptedIdProof,
                             int signatureWindowSeconds) {

    public static final String MIN_ID_LENGTH_ATTRIBUTE = "fintech.device.min-id-length";
    public static final String MIN_ID_DISTINCT_ATTRIBUTE = "fintech.device.min-id-distinct-characters";
    public static final String KEY_REQUIRED_ATTRIBUTE = "fintech.device.key-required";
    public static final String ENCRYPTED_ID_PROOF_ATTRIBUTE = "fintech.device.encrypted-id-proof";
    public static final int DEFAULT_MIN_ID_LENGTH = 16;
    public static final int DEFAULT_MIN_ID_DISTINCT = 8;
    public static final int SIGNATURE_WINDOW_SECONDS = 120;

    public static DeviceSettings of(RealmModel realm) {
        String name = realm.getName();
        return new DeviceSettings(
                RealmAttributes.number(name, MIN_ID_LENGTH_ATTRIBUTE, realm.getAttribute(MIN_ID_LENGTH_ATTRIBUTE), 1,
                        DeviceCredentialProvider.MAX_DEVICE_ID_LENGTH, DEFAULT_MIN_ID_LENGTH),
                RealmAttributes.number(name, MIN_ID_DISTINCT_ATTRIBUTE, realm.getAttribute(MIN_ID_DISTINCT_ATTRIBUTE), 1,
                        DeviceCredentialProvider.MAX_DEVICE_ID_LENGTH, DEFAULT_MIN_ID_DISTINCT),
                RealmAttributes.flag(name, KEY_REQUIRED_ATTRIBUTE, realm.getAttribute(KEY_REQUIRED_ATTRIBUTE), false, true),
                RealmAttributes.flag(name, ENCRYPTED_ID_PROOF_ATTRIBUTE, realm.getAttribute(ENCRYPTED_ID_PROOF_ATTRIBUTE), true, false),
                SIGNATURE_WINDOW_SECONDS);
    }

    /** Whether a new device id is long and varied enough to serve as the secret it is. */
    public boolean acceptsNewId(String deviceId) {
        return deviceId.length() >= minIdLength && deviceId.chars().distinct().count() >= minIdDistinct;
    }
}
