package com.fintechlogin.keycloak.limit;

import java.util.List;
import java.util.Optional;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Where all of a user's counters stand, each under the policy its own checks apply: what Keycloak's attack-detection
 * view is told when each credential kind locks alone. Read in the request's transaction, so a count this request made
 * is seen; reads only, locks nothing.
 */
public final class CredentialLocks {

    private CredentialLocks() {
    }

    /** The counter of {@code kind} now, under that kind's policy; a clean counter when the realm does not limit it. */
    public static AttemptStatus status(KeycloakSession session, RealmModel realm, UserModel user, String kind) {
        Optional<AttemptPolicy> policy = policy(realm, kind);
        if (policy.isEmpty()) {
            return new AttemptStatus(0, false, AttemptStatus.NOT_LOCKED, Integer.MAX_VALUE, 0);
        }
        return new AttemptLimiter(session).status(realm, user, kind, policy.get());
    }

    /**
     * What all of the user's counters add up to for Keycloak's view: whether any kind holds failures or a lock (if
     * none does, there is nothing to show), and when the latest lock in force of any kind ends (epoch millis;
     * {@link AttemptStatus#UNTIL_ADMIN_UNLOCK} when one lasts until an admin unlocks, {@link AttemptStatus#NOT_LOCKED}
     * when no kind is locked).
     */
    public record Summary(boolean anyCounted, long latestLockEnd) {
    }

    public static Summary summary(KeycloakSession session, RealmModel realm, UserModel user) {
        boolean anyCounted = false;
        long latest = AttemptStatus.NOT_LOCKED;
        for (AttemptStatus status : all(session, realm, user)) {
            anyCounted |= status.locked() || status.failures() > 0;
            if (status.locked()) {
                latest = Math.max(latest, status.lockedUntil());
            }
        }
        return new Summary(anyCounted, latest);
    }

    private static List<AttemptStatus> all(KeycloakSession session, RealmModel realm, UserModel user) {
        return CredentialKinds.ALL.stream().map(kind -> status(session, realm, user, kind)).toList();
    }

    /** The policy each kind's checks use: the password's follows the realm, the PIN's and the device's the PIN steps. */
    static Optional<AttemptPolicy> policy(RealmModel realm, String kind) {
        return switch (kind) {
            case CredentialKinds.PASSWORD -> RealmAttemptPolicy.of(realm);
            case CredentialKinds.PIN -> Optional.of(PinAttempts.policy(realm));
            case CredentialKinds.DEVICE -> Optional.of(PinAttempts.devicePolicy(realm));
            default -> throw new IllegalArgumentException("No credential kind " + kind);
        };
    }
}
