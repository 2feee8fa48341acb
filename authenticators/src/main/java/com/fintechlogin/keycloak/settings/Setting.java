package com.fintechlogin.keycloak.settings;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fintechlogin.keycloak.keys.PinPepper;

import org.keycloak.representations.idm.ComponentRepresentation;

/**
 * One setting, of the realm or of a client: its attribute name, what it accepts in the admin's words, the check of a
 * value, and whether its value is a secret. The check is as strict as the reader's parsing or stricter, so that a value
 * that passes is read as written, never replaced by a default with a WARN at the next login.
 *
 * @param name    the attribute, e.g. {@code fintech.pin.length}
 * @param accepts what the setting accepts, completing "{@code name} must be …"
 * @param secret  whether a value set in clear is shown only as {@link #MASK}
 * @param check   whether a stripped, non-empty value is accepted where it is set (some values name the realm's clients,
 *                roles or vault entries)
 */
public record Setting(String name, String accepts, boolean secret, BiPredicate<SettingScope, String> check) {

    /**
     * What a secret set in clear is shown as, and what sent back means "keep it": Keycloak's own mask for secrets in
     * component configurations, so that {@code kcadm.sh update}, which sends back what it read, keeps the secret.
     */
    public static final String MASK = ComponentRepresentation.SECRET_VALUE;

    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,10}");
    /**
     * Keycloak's form of a vault reference, with a key that is a plain file name of the file vault: letters, digits,
     * dots, dashes and underscores, no path and no brace.
     */
    private static final Pattern VAULT_REFERENCE = Pattern.compile("\\$\\{vault\\.([A-Za-z0-9][A-Za-z0-9._-]{0,254})}");

    /** The message of a refused value: names the setting and what it accepts, never quotes the value. */
    public String problem() {
        return name + " must be " + accepts;
    }

    /** Whether {@code value} (not null, not blank) may be stored. */
    public boolean accepts(SettingScope scope, String value) {
        return check.test(scope, value.strip());
    }

    /**
     * A stored value as an admin may see it: a secret's vault reference as it is (it names where the secret is, not
     * the secret), a secret set in clear as {@link #MASK}, any other value as stored.
     */
    public String shown(String stored) {
        if (!secret || stored == null || vaultKey(stored).isPresent()) {
            return stored;
        }
        return MASK;
    }

    /** The vault key of a well-formed {@code ${vault.<key>}} reference. */
    public static Optional<String> vaultKey(String value) {
        Matcher reference = VAULT_REFERENCE.matcher(value.strip());
        return reference.matches() ? Optional.of(reference.group(1)) : Optional.empty();
    }

    static Setting number(String name, long min, long max) {
        return new Setting(name, "a whole number from " + min + " to " + max, false,
                (scope, value) -> DIGITS.matcher(value).matches() && Long.parseLong(value) >= min && Long.parseLong(value) <= max);
    }

    /** Exactly what the readers take for a switch: {@code true} or {@code false} in any letter case. */
    static Setting flag(String name) {
        return new Setting(name, "true or false", false,
                (scope, value) -> value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false"));
    }

    /** A client of the realm by its client id: a typo would otherwise break the API's every login. */
    static Setting clientId(String name) {
        return new Setting(name, "the client id of a client of this realm", false,
                (scope, value) -> scope.realm().getClientByClientId(value) != null);
    }

    /** Client ids of the realm, comma-separated; at least one (empty means the default: no app may). */
    static Setting clientIds(String name) {
        return new Setting(name, "client ids of clients of this realm, separated by commas", false,
                (scope, value) -> Arrays.stream(value.split(",")).map(String::strip).filter(id -> !id.isEmpty())
                        .allMatch(id -> scope.realm().getClientByClientId(id) != null));
    }

    /** A realm role by name: a typo would otherwise refuse every partner. */
    static Setting realmRole(String name) {
        return new Setting(name, "the name of a realm role of this realm", false,
                (scope, value) -> scope.realm().getRole(value) != null);
    }

    /**
     * A secret the reader resolves through Keycloak's vault: the value itself, of at most {@code maxLength} characters
     * and without control characters, or {@code ${vault.<key>}} naming an entry the realm's vault has. Whatever starts
     * like a reference must be one: the vault reads a malformed one as a secret in clear, which is the reference's
     * own text. A missing entry would refuse every request until it is written, so it is refused here. Never the PIN
     * pepper: it keys the realm's PIN hashes and must not be shared with an affiliate.
     */
    static Setting secret(String name, int maxLength) {
        return new Setting(name, "the value itself (1 to " + maxLength + " characters, no control characters) or "
                + "${vault.<key>} naming an entry of the realm's vault other than the PIN pepper", true,
                (scope, value) -> {
                    Optional<String> key = vaultKey(value);
                    if (key.isPresent()) {
                        return !PinPepper.isPepperKey(key.get()) && scope.vaultHasEntry().test(key.get());
                    }
                    return !value.startsWith("${") && value.length() <= maxLength && value.chars().noneMatch(Character::isISOControl);
                });
    }
}
