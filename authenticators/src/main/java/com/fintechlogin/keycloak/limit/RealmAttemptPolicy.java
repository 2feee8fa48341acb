package com.fintechlogin.keycloak.limit;

import java.util.Optional;

import org.keycloak.models.RealmModel;
import org.keycloak.representations.idm.RealmRepresentation.BruteForceStrategy;

/**
 * The realm's brute-force settings (Realm settings → Security defenses → Brute force detection) read as the exact
 * attempt policy of passwords: the locks Keycloak's own detector would set. Where locks stay with their credential
 * (the default) that detector is no longer fed, so nothing else lengthens a password lock; where they are
 * account-wide, it runs beside the limiter as before and the longer lock of the two applies.
 * <ul>
 * <li>the <em>failure factor</em> is the limit;</li>
 * <li>a <em>permanent lockout</em> without temporary lockouts first locks until an administrator unlocks;</li>
 * <li>otherwise the first lock lasts the <em>wait increment</em> (capped by the <em>max wait</em>), and the locks
 * after it grow as Keycloak's would ({@link LockGrowth}): once the failure factor is reached, every further wrong
 * password locks again, each lock one wait increment longer (<em>linear</em>) or one increment longer every
 * failure-factor locks (<em>multiple</em>, Keycloak's default), never longer than the max wait;</li>
 * <li>failures, with the lock count, are forgotten when the last one is older than the <em>max delta time</em> and no
 * lock is in force, as Keycloak forgets them; a right password forgets them at once;</li>
 * <li>with a permanent lockout after temporary ones, the lock after the realm's <em>max temporary lockouts</em>
 * lasts until an administrator unlocks.</li>
 * </ul>
 * Fail-safe readings where Keycloak's would weaken the lock: a zero wait increment locks for a second (Keycloak would
 * not lock), a zero max wait or max delta time caps and forgets nothing (Keycloak would not lock, or would forget every
 * failure at the next one). The quick-login check (a minimum wait for failures in quick succession before the factor
 * is reached) has no counterpart: the limit already counts every failure.
 */
public final class RealmAttemptPolicy {

    private RealmAttemptPolicy() {
    }

    /** The policy, or empty when the realm does not detect brute force (its admins chose no limit). */
    public static Optional<AttemptPolicy> of(RealmModel realm) {
        if (!realm.isBruteForceProtected()) {
            return Optional.empty();
        }
        return Optional.of(of(realm.isPermanentLockout(), realm.getMaxTemporaryLockouts(), realm.getFailureFactor(),
                realm.getWaitIncrementSeconds(), realm.getMaxFailureWaitSeconds(), realm.getMaxDeltaTimeSeconds(),
                realm.getBruteForceStrategy()));
    }

    /** The policy of a realm that detects brute force with these settings; a missing strategy is Keycloak's default. */
    static AttemptPolicy of(boolean permanentLockout, int maxTemporaryLockouts, int failureFactor, int waitIncrementSeconds,
            int maxFailureWaitSeconds, int maxDeltaTimeSeconds, BruteForceStrategy strategy) {
        int limit = Math.max(1, failureFactor);
        if (permanentLockout && maxTemporaryLockouts <= 0) {
            // Keycloak neither lengthens nor forgets here: the first lock lasts until an administrator unlocks.
            return AttemptPolicy.untilAdminUnlock(limit);
        }
        long incrementMillis = Math.max(1, waitIncrementSeconds) * 1000L;
        long maxMillis = maxFailureWaitSeconds > 0 ? maxFailureWaitSeconds * 1000L : LockGrowth.NO_CAP;
        long forgetMillis = maxDeltaTimeSeconds > 0 ? maxDeltaTimeSeconds * 1000L : LockGrowth.NEVER_FORGETS;
        LockGrowth.Strategy growth = strategy == BruteForceStrategy.LINEAR
                ? LockGrowth.Strategy.LINEAR : LockGrowth.Strategy.MULTIPLE;
        AttemptPolicy policy = new AttemptPolicy(limit, Math.min(incrementMillis, maxMillis))
                .growing(LockGrowth.of(growth, maxMillis, forgetMillis));
        return permanentLockout ? policy.escalatingAfter(maxTemporaryLockouts) : policy;
    }
}
