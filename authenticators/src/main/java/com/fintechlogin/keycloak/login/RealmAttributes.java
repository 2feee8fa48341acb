package com.fintechlogin.keycloak.login;

import java.util.Locale;

import org.jboss.logging.Logger;

/**
 * How the project reads a setting from a realm attribute: an absent or blank value takes its default, and a value
 * that does not parse takes a stated fallback with a WARN naming the realm and the attribute (never the value, which
 * an admin may have pasted a secret into by mistake).
 */
public final class RealmAttributes {

    private static final Logger LOG = Logger.getLogger(RealmAttributes.class);

    private RealmAttributes() {
    }

    /** A whole number from {@code min} to {@code max}; otherwise {@code fallback}. */
    public static int number(String realmName, String attribute, String value, int min, int max, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // reported below, like an out-of-range number
        }
        LOG.warnf("Realm '%s': attribute %s must be a number from %d to %d; using %d", realmName, attribute, min, max, fallback);
        return fallback;
    }

    /**
     * {@code true} or {@code false} in any case; absent: {@code absent}; anything else: {@code unparseable} — for a
     * security switch the stricter value, so that a typo never weakens a check.
     */
    public static boolean flag(String realmName, String attribute, String value, boolean absent, boolean unparseable) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> {
                LOG.warnf("Realm '%s': attribute %s must be true or false; using %s", realmName, attribute, unparseable);
                yield unparseable;
            }
        };
    }
}
