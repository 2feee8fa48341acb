package com.fintechlogin.keycloak.limit;

/**
 * The answer of {@link LimitedCheck}: what a credential check behind the limiter found.
 *
 * @param outcome what happened to the credential
 * @param attemptsLeft for {@link Outcome#WRONG}: attempts still allowed before the lock, or {@link #NO_LIMIT}
 *        when nothing limits them; otherwise 0
 * @param untilAdminUnlock whether the lock — the one in force ({@link Outcome#LOCKED}), or the one this wrong
 *        credential set by using the last attempt — lasts until an administrator unlocks
 */
public record Verdict(Outcome outcome, int attemptsLeft, boolean untilAdminUnlock) {

    public enum Outcome {
        /** Evaluated and right; the counter is reset. */
        RIGHT,
        /** Evaluated and wrong; the failure is counted. */
        WRONG,
        /** Not evaluated: the limit is reached and the lock is in force. */
        LOCKED
    }

    /** The {@link #attemptsLeft()} of a wrong credential that no limit counts. */
    public static final int NO_LIMIT = -1;

    static final Verdict RIGHT = new Verdict(Outcome.RIGHT, 0);

    public Verdict(Outcome outcome, int attemptsLeft) {
        this(outcome, attemptsLeft, false);
    }

    static Verdict wrong(int attemptsLeft) {
        return new Verdict(Outcome.WRONG, attemptsLeft);
    }

    /** A wrong credential counted against the limit: what the reservation left, the lock it may have set included. */
    static Verdict wrong(Reservation attempt) {
        return new Verdict(Outcome.WRONG, attempt.attemptsLeft(), attempt.attemptsLeft() == 0 && attempt.untilAdminUnlock());
    }

    /** Refused unevaluated: the lock in force. */
    static Verdict locked(Reservation attempt) {
        return new Verdict(Outcome.LOCKED, 0, attempt.untilAdminUnlock());
    }

    /** Whether this wrong credential used the last attempt and so set the lock. */
    public boolean locks() {
        return outcome == Outcome.WRONG && attemptsLeft == 0;
    }

    /** Whether an "attempts left" figure exists to show: a wrong credential under a limit. */
    public boolean limited() {
        return outcome == Outcome.WRONG && attemptsLeft != NO_LIMIT;
    }

    public boolean right() {
        return outcome == Outcome.RIGHT;
    }
}
