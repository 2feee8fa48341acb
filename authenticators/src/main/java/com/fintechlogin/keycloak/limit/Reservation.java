package com.fintechlogin.keycloak.limit;

/**
 * A failure counted, or refused as locked: what {@link AttemptLimiter#check} counted for a wrong credential or found
 * locked, and what {@link AttemptLimiter#reserve} did when it counted a failure again in a transaction of its own.
 *
 * <p>A reserved attempt is counted as a failure (and, when it is the last one allowed, the lock is already
 * recorded).
 *
 * @param outcome {@link Outcome#RESERVED}: a failure counted; {@link Outcome#LOCKED}: refused, answer "locked"
 * @param failures consecutive failures counted, this reservation included
 * @param limit the limit of the policy the reservation was made under
 * @param lockedUntil epoch millis the lock ends; for a reservation, the lock its failure leaves in place (0 if
 *        none); {@link AttemptStatus#UNTIL_ADMIN_UNLOCK} for a lock only an administrator lifts
 * @param lockouts consecutive locks counted, the one this reservation's failure sets included
 */
public record Reservation(Outcome outcome, int failures, int limit, long lockedUntil, int lockouts) {

    public enum Outcome {
        /** The attempt is counted as a failure. */
        RESERVED,
        /** The limit is reached and the lock is in force: nothing counted, nothing to evaluate. */
        LOCKED
    }

    public boolean reserved() {
        return outcome == Outcome.RESERVED;
    }

    /** Attempts still allowed once this one has failed, for an "attempts left" message; 0 when locked. */
    public int attemptsLeft() {
        return reserved() ? Math.max(0, limit - failures) : 0;
    }

    /** Whether the lock, in force or left by this attempt's failure, lasts until an administrator unlocks. */
    public boolean untilAdminUnlock() {
        return lockedUntil == AttemptStatus.UNTIL_ADMIN_UNLOCK;
    }
}
