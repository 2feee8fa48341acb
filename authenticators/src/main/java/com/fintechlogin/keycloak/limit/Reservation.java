package com.fintechlogin.keycloak.limit;

/**
 * The answer of {@link AttemptLimiter#reserve}: whether the caller may evaluate the credential.
 *
 * <p>A reserved attempt is already counted as a failure (and, when it is the last one allowed, the lock is
 * already recorded), so that a request dying mid-check cannot give an attacker a free guess. The caller reports
 * a correct credential with {@link AttemptLimiter#succeeded}; a wrong one needs no further call.
 *
 * @param outcome {@link Outcome#RESERVED}: evaluate; {@link Outcome#LOCKED}: do not evaluate, answer "locked"
 * @param failures consecutive failures counted, this reservation included
 * @param limit the limit of the policy the reservation was made under
 * @param lockedUntil epoch millis the lock ends; for a reservation, the lock its failure leaves in place (0 if
 *        none); {@link AttemptStatus#UNTIL_ADMIN_UNLOCK} for a lock only an administrator lifts
 * @param lockouts consecutive locks counted, the one this reservation's failure sets included
 */
public record Reservation(Outcome outcome, int failures, int limit, long lockedUntil, int lockouts) {

    public enum Outcome {
        /** The attempt is counted; evaluate the credential. */
        RESERVED,
        /** The limit is reached and the lock is in force; do not evaluate the credential. */
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
