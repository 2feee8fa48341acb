package com.fintechlogin.keycloak.settings;

import java.util.Arrays;
import java.util.function.BiPredicate;
import java.util.regex.Pattern;

import org.keycloak.models.RealmModel;

/**
 * One realm setting: its attribute name, what it accepts in the admin's words, and the check of a value. The check
 * is as strict as the reader's parsing or stricter, so that a value that passes is read as written, never replaced by
 * a default with a WARN at the next login.
 *
 * @param name    the realm attribute, e.g. {@code fintech.pin.length}
 * @param accepts what the setting accepts, completing "{@code name} must be …"
 * @param check   whether a stripped, non-empty value is accepted in the realm (some values name its clients or roles)
 */
public record Setting(String name, String accepts, BiPredicate<RealmModel, String> check) {

    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,10}");

    /** The message of a refused value: names the setting and what it accepts, never quotes the value. */
    public String problem() {
        return name + " must be " + accepts;
    }

    /** Whether {@code value} (not null, not blank) may be stored. */
    public boolean accepts(RealmModel realm, String value) {
        return check.test(realm, value.strip());
    }

    static Setting number(String name, long min, long max) {
        return new Setting(name, "a whole number from " + min + " to " + max,
                (realm, value) -> DIGITS.matcher(value).matches() && Long.parseLong(value) >= min && Long.parseLong(value) <= max);
    }

    /** Exactly what the readers take for a switch: {@code true} or {@code false} in any letter case. */
    static Setting flag(String name) {
        return new Setting(name, "true or false", (realm, value) -> value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false"));
    }

    /** A client of the realm by its client id: a typo would otherwise break the API's every login. */
    static Setting clientId(String name) {
        return new Setting(name, "the client id of a client of this realm",
                (realm, value) -> realm.getClientByClientId(value) != null);
    }

    /** Client ids of the realm, comma-separated; at least one (empty means the default: no app may). */
    static Setting clientIds(String name) {
        return new Setting(name, "client ids of clients of this realm, separated by commas",
                (realm, value) -> Arrays.stream(value.split(",")).map(String::strip).filter(id -> !id.isEmpty())
                        .allMatch(id -> realm.getClientByClientId(id) != null));
    }

    /** A realm role by name: a typo would otherwise refuse every partner. */
    static Setting realmRole(String name) {
        return new Setting(name, "the name of a realm role of this realm", (realm, value) -> realm.getRole(value) != null);
    }
}
