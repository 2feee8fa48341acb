package com.fintechlogin.keycloak.limit;

import java.time.Duration;

/**
 * How many consecutive wrong attempts a credential kind allows before it locks, for how long, and how many such
 * locks in a row may end by themselves before one lasts until an administrator unlocks.
 *
 * <p>A lock of zero or less means "until an administrator unlocks": a lock that ends at once would let an
 * attacker go on guessing, so the fail-safe reading of a missing or zero duration is the strictest one.
 *
 * <p>Temporary locks alone only slow guessing down: 5 guesses every 15 minutes is 480 a day, and a 4-digit PIN has
 * 10,000 values. So locks escalate, as Keycloak's "lockout permanently after temporary lockout" does: the locks are
 * counted until a right credential (or an administrator) resets the count, and the lock after
 * {@code temporaryLocks} temporary ones lasts until an administrator unlocks.
 *
 * @param limit consecutive failures allowed; the attempt that reaches it is still evaluated, later ones are not
 * @param lockMillis how long reaching the limit locks, in milliseconds; {@link #PERMANENT_LOCK} (0) or less: until
 *        an administrator unlocks
 * @param temporaryLocks consecutive locks that end by themselves before the next one lasts until an administrator
 *        unlocks; {@link #UNLIMITED_TEMPORARY_LOCKS}: locks never escalate; 0: every lock lasts
 */
public record AttemptPolicy(int limit, long lockMillis, int temporaryLocks) {

    /** The {@link #lockMillis()} of a lock only an administrator lifts. */
    public static final long PERMANENT_LOCK = 0L;

    /** The {@link #temporaryLocks()} of a policy whose locks never escalate. */
    public static final int UNLIMITED_TEMPORARY_LOCKS = Integer.MAX_VALUE;

    public AttemptPolicy {
        if (limit < 1) {
            throw new IllegalArgumentException("An attempt limit must be at least 1, was " + limit);
        }
        if (lockMillis < 0) {
            lockMillis = PERMANENT_LOCK;
        }
        if (temporaryLocks < 0) {
            throw new IllegalArgumentException("Temporary locks must be 0 or more, was " + temporaryLocks);
        }
    }

    /** A policy whose locks never escalate. */
    public AttemptPolicy(int limit, long lockMillis) {
        this(limit, lockMillis, UNLIMITED_TEMPORARY_LOCKS);
    }

    /** {@code limit} failures lock for {@code lock}; a zero or negative duration locks until an admin unlocks. */
    public static AttemptPolicy of(int limit, Duration lock) {
        return new AttemptPolicy(limit, lock.toMillis());
    }

    /** {@code limit} failures lock until an administrator unlocks. */
    public static AttemptPolicy untilAdminUnlock(int limit) {
        return new AttemptPolicy(limit, PERMANENT_LOCK);
    }

    /** This policy, with the lock after {@code temporaryLocks} consecutive temporary ones lasting until an admin unlocks. */
    public AttemptPolicy escalatingAfter(int temporaryLocks) {
        return new AttemptPolicy(limit, lockMillis, temporaryLocks);
    }

    /** This policy, with locks that never escalate. */
    public AttemptPolicy neverEscalating() {
        return new AttemptPolicy(limit, lockMillis);
    }

    public boolean permanentLock() {
        return lockMillis == PERMANENT_LOCK;
    }

    /**
     * When a lock reached at {@code now}, after {@code locksBefore} consecutive locks, ends, as stored:
     * {@link AttemptStatus#UNTIL_ADMIN_UNLOCK} when the earlier locks make it escalate, else {@link #lockEnd(long)}.
     * The reservation's SQL makes the same choice in the database ({@link CredentialAttemptEntity#RESERVE}).
     */
    public long lockedUntil(long now, int locksBefore) {
        return escalates(locksBefore) ? AttemptStatus.UNTIL_ADMIN_UNLOCK : lockEnd(now);
    }

    /**
     * When a lock reached at {@code now} ends unless it escalates: {@link AttemptStatus#UNTIL_ADMIN_UNLOCK} for the
     * policy's own lock until admin unlock (no clock ever passes it, so the expiry check needs no special case),
     * saturating instead of overflowing.
     */
    long lockEnd(long now) {
        if (permanentLock() || lockMillis > Long.MAX_VALUE - now) {
            return AttemptStatus.UNTIL_ADMIN_UNLOCK;
        }
        return now + lockMillis;
    }

    /** Whether a lock that follows {@code locksBefore} consecutive locks lasts until an administrator unlocks. */
    public boolean escalates(int locksBefore) {
        return locksBefore >= temporaryLocks;
    }
}
