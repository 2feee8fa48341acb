package com.fintechlogin.keycloak.limit;

/**
 * Where a user's counter of one credential kind stands now, as an admin view or an "attempts left" message
 * shows it. Read without reserving anything, so it may be outdated by the time it is shown.
 *
 * @param failures consecutive failures that count (after an expired lock: 0, or one short of the limit where locks
 *        grow)
 * @param locked whether an attempt made now would be refused
 * @param lockedUntil epoch millis the lock ends; {@link #NOT_LOCKED} when not locked;
 *        {@link #UNTIL_ADMIN_UNLOCK} when only an administrator can lift it
 * @param attemptsLeft attempts still allowed before the lock
 * @param lockouts consecutive locks since the last right credential or admin unlock, the one in force included
 */
public record AttemptStatus(int failures, boolean locked, long lockedUntil, int attemptsLeft, int lockouts) {

    /** The stored lock end of a counter that is not locked. */
    public static final long NOT_LOCKED = 0L;

    /** The stored lock end of a lock only an administrator lifts: no clock ever passes it. */
    public static final long UNTIL_ADMIN_UNLOCK = Long.MAX_VALUE;

    /** A counter that has never failed. */
    static AttemptStatus clean(AttemptPolicy policy) {
        return new AttemptStatus(0, false, NOT_LOCKED, policy.limit(), 0);
    }

    /** Whether the lock in force lasts until an administrator lifts it. */
    public boolean untilAdminUnlock() {
        return locked && lockedUntil == UNTIL_ADMIN_UNLOCK;
    }

    /**
     * The effective state of a stored counter at {@code now}, with the rules the statements that count apply: failures
     * older than the policy's quiet time, with no lock in force, are forgotten with their locks; an expired lock counts
     * as no lock and the failures the policy leaves after one ({@link AttemptPolicy#failuresAfterLock}), but stays
     * counted among the consecutive locks; failures at or over a limit that was lowered since they were counted lock
     * as the next attempt would record it, growth and escalation included.
     */
    static AttemptStatus of(int storedFailures, long storedLockedUntil, int storedLockouts, long storedLastFailure,
            long now, AttemptPolicy policy) {
        boolean lockInForce = storedLockedUntil != NOT_LOCKED && storedLockedUntil > now;
        if (!lockInForce && policy.forgets(storedLastFailure, now)) {
            return clean(policy);
        }
        if (storedLockedUntil != NOT_LOCKED && !lockInForce) {
            int failures = policy.failuresAfterLock();
            return new AttemptStatus(failures, false, NOT_LOCKED, policy.limit() - failures, storedLockouts);
        }
        if (lockInForce) {
            return new AttemptStatus(storedFailures, true, storedLockedUntil, 0, storedLockouts);
        }
        if (storedFailures >= policy.limit()) {
            return new AttemptStatus(storedFailures, true, policy.lockedUntil(now, storedLockouts), 0, storedLockouts + 1);
        }
        return new AttemptStatus(storedFailures, false, NOT_LOCKED, policy.limit() - storedFailures, storedLockouts);
    }
}
