package com.fintechlogin.keycloak.pin;

import java.time.Duration;

import com.fintechlogin.keycloak.limit.AttemptPolicy;

import org.jboss.logging.Logger;
import org.keycloak.models.RealmModel;

/**
 * The realm's PIN attempt limit, read from realm attributes: {@value #MAX_ATTEMPTS_ATTRIBUTE} consecutive wrong
 * PINs (default {@value #DEFAULT_MAX_ATTEMPTS}) lock PIN and device login for {@value #LOCK_SECONDS_ATTRIBUTE}
 * seconds (default {@value #DEFAULT_LOCK_SECONDS}; 0: until an admin unlocks).
 */
public final class PinAttempts {

    public static final String MAX_ATTEMPTS_ATTRIBUTE = "fintech.pin.max-attempts";
    public static final String LOCK_SECONDS_ATTRIBUTE = "fintech.pin.lock-seconds";
    static final int DEFAULT_MAX_ATTEMPTS = 5;
    static final int DEFAULT_LOCK_SECONDS = 900;

    private static final Logger LOG = Logger.getLogger(PinAttempts.class);

    private PinAttempts() {
    }

    public static AttemptPolicy policy(RealmModel realm) {
        int limit = positive(realm, MAX_ATTEMPTS_ATTRIBUTE, DEFAULT_MAX_ATTEMPTS, 1);
        int lockSeconds = positive(realm, LOCK_SECONDS_ATTRIBUTE, DEFAULT_LOCK_SECONDS, 0);
        return lockSeconds == 0 ? AttemptPolicy.untilAdminUnlock(limit) : AttemptPolicy.of(limit, Duration.ofSeconds(lockSeconds));
    }

    private static int positive(RealmModel realm, String attribute, int fallback, int minimum) {
        String value = realm.getAttribute(attribute);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed >= minimum) {
                return parsed;
            }
        } catch (NumberFormatException notANumber) {
            // reported below, like a number out of range
        }
        LOG.warnf("Realm '%s': attribute %s must be a whole number of at least %d; using %d", realm.getName(), attribute, minimum, fallback);
        return fallback;
    }
}
