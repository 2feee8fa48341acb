package com.fintechlogin.keycloak.limit;

/**
 * How consecutive locks of one counter lengthen, as Keycloak's brute-force detector lengthens its account lock
 * ({@code DefaultBruteForceProtector#failure} in Keycloak 26.7): without it, waiting out a flat lock leaves the full
 * limit of guesses after every lock.
 *
 * <p>Keycloak counts failures from the last successful login, and once they reach the failure factor <em>every</em>
 * further failure locks again; its waits: {@link Strategy#LINEAR} {@code increment × (1 + failures − factor)},
 * {@link Strategy#MULTIPLE} {@code increment × ⌊failures / factor⌋}, each capped at the maximum wait. In the limiter's
 * terms, where the k-th consecutive lock is the one after {@code k − 1} earlier locks: a growing policy leaves
 * {@code limit − 1} failures counted when a lock ends, so one more wrong credential locks again, and the k-th lock
 * lasts {@code first × k} (linear) or {@code first × (⌊(k − 1) / limit⌋ + 1)} (multiple), never more than
 * {@link #maxLockMillis()} and never less than the first lock. Keycloak also forgets the failures (its lock count
 * included) when the last one is older than its maximum delta time; so does a growing policy, after
 * {@link #forgetAfterMillis()}.
 *
 * @param strategy how the locks grow; {@link Strategy#FLAT}: they do not, and a lock that ends leaves no failures
 * @param maxLockMillis the longest a lock that ends by itself may last; {@link #NO_CAP} when nothing caps it
 * @param forgetAfterMillis how long after the last counted failure, with no lock in force, the failures and the
 *        consecutive locks are forgotten; {@link #NEVER_FORGETS} when they stay until a right credential or an admin
 */
public record LockGrowth(Strategy strategy, long maxLockMillis, long forgetAfterMillis) {

    public enum Strategy {
        /** Every lock lasts as long as the first; the full limit again after each. */
        FLAT,
        /** Keycloak's "linear": every lock one wait increment longer than the one before. */
        LINEAR,
        /** Keycloak's "multiple", its default: one wait increment longer every failure-factor locks. */
        MULTIPLE
    }

    /** The {@link #maxLockMillis()} of growth without a cap: products saturate instead. */
    public static final long NO_CAP = Long.MAX_VALUE;

    /** The {@link #forgetAfterMillis()} of a counter that keeps its failures until a right credential or an admin. */
    public static final long NEVER_FORGETS = 0L;

    /** Locks that do not grow and failures never forgotten: what a policy had before growth existed. */
    public static final LockGrowth FLAT = new LockGrowth(Strategy.FLAT, NO_CAP, NEVER_FORGETS);

    public LockGrowth {
        if (strategy == null) {
            throw new IllegalArgumentException("A lock growth needs a strategy");
        }
        // Fail safe: a cap or forgetting time of zero would read as "no lock" or "forget at once"; both mean none.
        if (maxLockMillis <= 0) {
            maxLockMillis = NO_CAP;
        }
        if (forgetAfterMillis < 0) {
            forgetAfterMillis = NEVER_FORGETS;
        }
    }

    /** Locks lengthening Keycloak's {@code strategy} way, capped, with failures forgotten after a quiet time. */
    public static LockGrowth of(Strategy strategy, long maxLockMillis, long forgetAfterMillis) {
        return new LockGrowth(strategy, maxLockMillis, forgetAfterMillis);
    }

    /** Whether locks grow, and so whether a lock that ends leaves one wrong credential before the next. */
    public boolean grows() {
        return strategy != Strategy.FLAT;
    }

    /** Whether failures are forgotten after a quiet time. */
    public boolean forgets() {
        return forgetAfterMillis != NEVER_FORGETS;
    }

    /**
     * How long the lock after {@code locksBefore} consecutive ones lasts, for a policy whose first lock lasts
     * {@code firstMillis} (at least 1) and whose limit is {@code limit}: saturating, capped, never below the first.
     */
    long lockMillis(long firstMillis, int locksBefore, int limit) {
        long steps = switch (strategy) {
            case FLAT -> 1L;
            case LINEAR -> locksBefore + 1L;
            case MULTIPLE -> locksBefore / limit + 1L;
        };
        long grown = firstMillis > Long.MAX_VALUE / steps ? Long.MAX_VALUE : firstMillis * steps;
        return Math.max(firstMillis, Math.min(grown, maxLockMillis));
    }
}
