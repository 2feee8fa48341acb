package com.fintechlogin.keycloak.limit;

import java.time.Duration;
import java.util.Optional;

import org.keycloak.models.RealmModel;

/**
 * The realm's brute-force settings (Realm settings → Security defenses → Brute force detection) read as an exact
 * attempt policy: the failure factor is the limit; a permanent lockout without temporary lockouts first locks
 * until an administrator unlocks; otherwise a lock lasts the first wait Keycloak would impose (the wait increment,
 * capped by the maximum wait), and with a permanent lockout after temporary ones, the lock after the realm's maximum
 * temporary lockouts lasts until an administrator unlocks, as Keycloak's would. Keycloak's detector keeps running
 * beside the limiter and lengthens its own lock on repeated lockouts, so the longer of the two applies.
 */
public final class RealmAttemptPolicy {

    private RealmAttemptPolicy() {
    }

    /** The policy, or empty when the realm does not detect brute force (its admins chose no limit). */
    public static Optional<AttemptPolicy> of(RealmModel realm) {
        if (!realm.isBruteForceProtected()) {
            return Optional.empty();
        }
        int limit = Math.max(1, realm.getFailureFactor());
        if (realm.isPermanentLockout() && realm.getMaxTemporaryLockouts() <= 0) {
            return Optional.of(AttemptPolicy.untilAdminUnlock(limit));
        }
        int waitSeconds = realm.getWaitIncrementSeconds();
        if (realm.getMaxFailureWaitSeconds() > 0) {
            waitSeconds = Math.min(waitSeconds, realm.getMaxFailureWaitSeconds());
        }
        // A zero wait would read as "until an admin unlocks"; Keycloak reads it as no wait, so lock for a second.
        AttemptPolicy temporary = AttemptPolicy.of(limit, Duration.ofSeconds(Math.max(1, waitSeconds)));
        return Optional.of(realm.isPermanentLockout() ? temporary.escalatingAfter(realm.getMaxTemporaryLockouts()) : temporary);
    }
}
