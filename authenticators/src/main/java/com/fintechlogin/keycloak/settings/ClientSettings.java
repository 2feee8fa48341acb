package com.fintechlogin.keycloak.settings;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fintechlogin.keycloak.api.cardportal.CardPortalLoginEndpoint;
import com.fintechlogin.keycloak.api.http.AppHeaders;
import com.fintechlogin.keycloak.cardportal.ChecksumSettings;

/**
 * Every {@code fintech.*} client attribute an admin sets: the card portal's affiliate settings, in the admin guide's
 * order, with the checks of their reader {@link ChecksumSettings}. The processor key and the checksum secret are
 * secrets: shown masked unless they are vault references. {@code ClientSettingsTest} holds this list to the admin
 * guide's table.
 */
public final class ClientSettings {

    /** In the order of the admin guide's table. */
    public static final List<Setting> ALL = List.of(
            // The header it is compared with is read up to this length: a longer key could never match.
            Setting.secret(ChecksumSettings.PROCESSOR_KEY_ATTRIBUTE, AppHeaders.MAX_SECRET_LENGTH),
            Setting.secret(ChecksumSettings.SECRET_ATTRIBUTE, AppHeaders.MAX_SECRET_LENGTH),
            fieldOrder(),
            new Setting(ChecksumSettings.REPLAY_WINDOW_ATTRIBUTE,
                    "a whole number from 0 (off) to " + ChecksumSettings.MAX_REPLAY_WINDOW_SECONDS, false,
                    (scope, value) -> ChecksumSettings.isReplayWindow(value)));

    private ClientSettings() {
    }

    public static Optional<Setting> named(String name) {
        return ALL.stream().filter(setting -> setting.name().equals(name)).findFirst();
    }

    /**
     * The problem of a client whose settings would be {@code after} (name to stripped value, null when not set), or
     * empty: a processor key makes the client an affiliate, whose every request the reader refuses without a checksum
     * secret, so the two come together (set the secret first, or both at once; remove the key first, or both).
     */
    public static Optional<String> problemOf(Map<String, String> after) {
        if (after.get(ChecksumSettings.PROCESSOR_KEY_ATTRIBUTE) != null && after.get(ChecksumSettings.SECRET_ATTRIBUTE) == null) {
            return Optional.of(ChecksumSettings.SECRET_ATTRIBUTE + " must be set while " + ChecksumSettings.PROCESSOR_KEY_ATTRIBUTE
                    + " is: without it every request of the affiliate is refused");
        }
        return Optional.empty();
    }

    /** A permutation of the fields the API's checksum concatenates: leaving one out would let it change in transit. */
    private static Setting fieldOrder() {
        List<String> documented = CardPortalLoginEndpoint.CHECKSUMMED_FIELDS;
        return new Setting(ChecksumSettings.FIELDS_ATTRIBUTE,
                "each of " + String.join(",", documented) + " exactly once, separated by commas", false,
                (scope, value) -> ChecksumSettings.isFieldOrder(value, documented));
    }
}
