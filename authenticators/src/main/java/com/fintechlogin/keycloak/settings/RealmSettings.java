package com.fintechlogin.keycloak.settings;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import com.fintechlogin.keycloak.api.emailpassword.EmailPasswordSettings;
import com.fintechlogin.keycloak.api.manage.CredentialChangeRules;
import com.fintechlogin.keycloak.device.DeviceCredentialProvider;
import com.fintechlogin.keycloak.device.DeviceReplayWindow;
import com.fintechlogin.keycloak.device.DeviceSettings;
import com.fintechlogin.keycloak.limit.CallerBudgetSettings;
import com.fintechlogin.keycloak.login.LockoutScope;
import com.fintechlogin.keycloak.partner.PartnerSettings;
import com.fintechlogin.keycloak.pin.PinSettings;

/**
 * Every {@code fintech.*} realm attribute an admin sets, in the configuration reference's order. Each name and range
 * is the constant its reader parses with; the readers stay where they are (each next to the code that uses it), and
 * this list is what the admin endpoint checks a new value against. {@code RealmSettingsTest} holds this list to the
 * admin guide's table.
 */
public final class RealmSettings {

    /** In the order of the admin guide's table. */
    public static final List<Setting> ALL = List.of(
            Setting.clientId(EmailPasswordSettings.CLIENT_ID_ATTRIBUTE),
            Setting.number(PinSettings.LENGTH_ATTRIBUTE, PinSettings.MIN_LENGTH, PinSettings.MAX_LENGTH),
            Setting.flag(PinSettings.WEAK_ALLOWED_ATTRIBUTE),
            refusedPins(),
            Setting.number(DeviceReplayWindow.ATTRIBUTE, 1, DeviceReplayWindow.MAX_SECONDS),
            Setting.number(DeviceSettings.MIN_ID_LENGTH_ATTRIBUTE, 1, DeviceCredentialProvider.MAX_DEVICE_ID_LENGTH),
            Setting.number(DeviceSettings.MIN_ID_DISTINCT_ATTRIBUTE, 1, DeviceCredentialProvider.MAX_DEVICE_ID_LENGTH),
            Setting.flag(DeviceSettings.KEY_REQUIRED_ATTRIBUTE),
            Setting.flag(DeviceSettings.ENCRYPTED_ID_PROOF_ATTRIBUTE),
            Setting.number(CredentialChangeRules.MAX_DEVICES_ATTRIBUTE, 1, CredentialChangeRules.MAX_MAX_DEVICES),
            Setting.clientIds(CredentialChangeRules.CLIENTS_ATTRIBUTE),
            Setting.number(CredentialChangeRules.MAX_AGE_ATTRIBUTE, 1, CredentialChangeRules.MAX_MAX_AGE_SECONDS),
            Setting.clientId(PartnerSettings.CLIENT_ID_ATTRIBUTE),
            Setting.realmRole(PartnerSettings.ROLE_ATTRIBUTE),
            Setting.flag(PartnerSettings.TIMESTAMP_REQUIRED_ATTRIBUTE),
            Setting.number(PartnerSettings.WINDOW_ATTRIBUTE, 1, PartnerSettings.MAX_WINDOW_SECONDS),
            Setting.flag(PartnerSettings.CBC_ALLOWED_ATTRIBUTE),
            Setting.flag(LockoutScope.ACCOUNT_WIDE_ATTRIBUTE),
            budget(CallerBudgetSettings.FAILURES_PER_ADDRESS_ATTRIBUTE),
            budget(CallerBudgetSettings.FAILURES_PER_CLIENT_ATTRIBUTE),
            successBudget(CallerBudgetSettings.SUCCESSES_PER_ADDRESS_ATTRIBUTE),
            successBudget(CallerBudgetSettings.SUCCESSES_PER_CLIENT_ATTRIBUTE),
            new Setting(CallerBudgetSettings.WINDOW_ATTRIBUTE, "a whole number from 0 (the default) to "
                    + CallerBudgetSettings.MAX_WINDOW_SECONDS, false, (scope, value) -> CallerBudgetSettings.isWindow(value)));

    private RealmSettings() {
    }

    public static Optional<Setting> named(String name) {
        return ALL.stream().filter(setting -> setting.name().equals(name)).findFirst();
    }

    /** A failure budget: what its reader takes, a count or off. */
    private static Setting budget(String name) {
        return new Setting(name, "a whole number from 0 (the default) to " + CallerBudgetSettings.MAX_FAILURES + ", or "
                + CallerBudgetSettings.OFF, false, (scope, value) -> CallerBudgetSettings.isBudget(value));
    }

    /** A success budget: as a failure budget, up to its own, higher maximum. */
    private static Setting successBudget(String name) {
        return new Setting(name, "a whole number from 0 (the default) to " + CallerBudgetSettings.MAX_SUCCESSES + ", or "
                + CallerBudgetSettings.OFF, false, (scope, value) -> CallerBudgetSettings.isSuccessBudget(value));
    }

    /**
     * {@code none}, or PINs of 1 to {@value PinSettings#MAX_LENGTH} digits separated by commas: what the reader takes
     * without adding the default list back (its answer to an entry it cannot use).
     */
    private static Setting refusedPins() {
        return new Setting(PinSettings.REFUSED_ATTRIBUTE,
                "'" + PinSettings.REFUSED_NONE + "' or PINs of 1 to " + PinSettings.MAX_LENGTH + " digits separated by commas", false,
                (scope, value) -> value.equalsIgnoreCase(PinSettings.REFUSED_NONE)
                        || Arrays.stream(value.split(",")).map(String::strip).allMatch(PinSettings::isStorable));
    }
}
