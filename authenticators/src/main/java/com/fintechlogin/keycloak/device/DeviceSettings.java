package com.fintechlogin.keycloak.device;

import java.util.Locale;

import org.jboss.logging.Logger;
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

    private static final Logger LOG = Logger.getLogger(DeviceSettings.class);

    public static DeviceSettings of(RealmModel realm) {
        String name = realm.getName();
        return new DeviceSettings(
                number(name, MIN_ID_LENGTH_ATTRIBUTE, realm.getAttribute(MIN_ID_LENGTH_ATTRIBUTE), DEFAULT_MIN_ID_LENGTH),
                number(name, MIN_ID_DISTINCT_ATTRIBUTE, realm.getAttribute(MIN_ID_DISTINCT_ATTRIBUTE), DEFAULT_MIN_ID_DISTINCT),
                flag(name, KEY_REQUIRED_ATTRIBUTE, realm.getAttribute(KEY_REQUIRED_ATTRIBUTE), false, true),
                flag(name, ENCRYPTED_ID_PROOF_ATTRIBUTE, realm.getAttribute(ENCRYPTED_ID_PROOF_ATTRIBUTE), true, false),
                SIGNATURE_WINDOW_SECONDS);
    }

    /** Whether a new device id is long and varied enough to serve as the secret it is. */
    public boolean acceptsNewId(String deviceId) {
        return deviceId.length() >= minIdLength && deviceId.chars().distinct().count() >= minIdDistinct;
    }

    private static int number(String realmName, String attribute, String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= 1 && number <= DeviceCredentialProvider.MAX_DEVICE_ID_LENGTH) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // reported below, like an out-of-range number
        }
        LOG.warnf("Realm '%s': attribute %s must be a number from 1 to %d; using %d", realmName, attribute,
                DeviceCredentialProvider.MAX_DEVICE_ID_LENGTH, fallback);
        return fallback;
    }

    /** Absent: {@code fallback}. Anything but true/false: {@code strict}, so that a typo never weakens a check. */
    private static boolean flag(String realmName, String attribute, String value, boolean fallback, boolean strict) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> {
                LOG.warnf("Realm '%s': attribute %s must be true or false; using %s", realmName, attribute, strict);
                yield strict;
            }
        };
    }
}
