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
 * {@code temporaryLocks} temporary ones lasts until an administrator unlocks. Locks may also lengthen one after the
 * other, as Keycloak's own do ({@link LockGrowth}): the password's, which follow the realm's brute-force settings.
 *
 * <p>One rule decides when a lock ends, {@link #lockedUntil(long, int)}, from the consecutive locks before it; the
 * statements that set a lock in the database take its result as a parameter and write it only to a row that still
 * holds the consecutive locks it was computed for ({@link CredentialAttemptEntity#RESERVE}).
 *
 * @param limit consecutive failures allowed; the attempt that reaches it is still evaluated, later ones are not
 * @param lockMillis how long reaching the limit locks, in milliseconds; {@link #PERMANENT_LOCK} (0) or less: until
 *        an administrator unlocks
 * @param temporaryLocks consecutive locks that end by themselves before the next one lasts until an administrator
 *        unlocks; {@link #UNLIMITED_TEMPORARY_LOCKS}: locks never escalate; 0: every lock lasts
 * @param growth how consecutive locks that end by themselves lengthen, {@code lockMillis} being the first;
 *        {@link LockGrowth#FLAT}: they do not
 */
public record AttemptPolicy(int limit, long lockMillis, int temporaryLocks, LockGrowth growth) {

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
        if (growth == null) {
            throw new IllegalArgumentException("A policy needs a lock growth (LockGrowth.FLAT for none)");
        }
    }

    /** A policy whose locks do not lengthen. */
    public AttemptPolicy(int limit, long lockMillis, int temporaryLocks) {
        this(limit, lockMillis, temporaryLocks, LockGrowth.FLAT);
    }

    /** A policy whose locks neither lengthen nor escalate. */
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
        return new AttemptPolicy(limit, lockMillis, temporaryLocks, growth);
    }

    /** This policy, with locks that never escalate. */
    public AttemptPolicy neverEscalating() {
        return new AttemptPolicy(limit, lockMillis, UNLIMITED_TEMPORARY_LOCKS, growth);
    }

    /** This policy, with locks that lengthen as {@code growth} says. */
    public AttemptPolicy growing(LockGrowth growth) {
        return new AttemptPolicy(limit, lockMillis, temporaryLocks, growth);
    }

    public boolean permanentLock() {
        return lockMillis == PERMANENT_LOCK;
    }

    /**
     * When a lock reached at {@code now}, after {@code locksBefore} consecutive locks, ends, as stored:
     * {@link AttemptStatus#UNTIL_ADMIN_UNLOCK} when the earlier locks make it escalate, else {@link #lockEnd}. The
     * one place this is decided: the database statements write this value, and only to a row whose consecutive locks
     * are still {@code locksBefore} ({@link CredentialAttemptEntity#RESERVE}).
     */
    public long lockedUntil(long now, int locksBefore) {
        return escalates(locksBefore) ? AttemptStatus.UNTIL_ADMIN_UNLOCK : lockEnd(now, locksBefore);
    }

    /**
     * How long the lock after {@code locksBefore} consecutive locks lasts unless it escalates, in milliseconds:
     * {@link #lockMillis()} for the first, then as {@link #growth()} lengthens it; {@link #PERMANENT_LOCK} for the
     * policy's own lock until admin unlock.
     */
    public long lockMillis(int locksBefore) {
        return permanentLock() ? PERMANENT_LOCK : growth.lockMillis(lockMillis, Math.max(0, locksBefore), limit);
    }

    /**
     * When a lock reached at {@code now}, after {@code locksBefore} consecutive locks, ends unless it escalates:
     * {@link AttemptStatus#UNTIL_ADMIN_UNLOCK} for the policy's own lock until admin unlock (no clock ever passes
     * it, so the expiry check needs no special case), saturating instead of overflowing.
     */
    long lockEnd(long now, int locksBefore) {
        long millis = lockMillis(locksBefore);
        if (millis == PERMANENT_LOCK || millis > Long.MAX_VALUE - now) {
            return AttemptStatus.UNTIL_ADMIN_UNLOCK;
        }
        return now + millis;
    }

    /**
     * The failures a lock leaves counted when it ends: none, so the full limit again, unless locks grow; then
     * {@code limit − 1}, so that the next wrong credential locks again, as every failure past Keycloak's failure
     * factor does until a right one.
     */
    public int failuresAfterLock() {
        return growth.grows() ? limit - 1 : 0;
    }

    /**
     * The time before which a last failure is forgotten at {@code now}, failures and consecutive locks with it, when no
     * lock is in force; {@link Long#MIN_VALUE} (nothing is older) when the policy never forgets.
     */
    public long forgetBefore(long now) {
        return growth.forgets() ? now - growth.forgetAfterMillis() : Long.MIN_VALUE;
    }

    /** Whether failures whose last one was at {@code lastFailure} (0: none) are forgotten at {@code now}, lock aside. */
    public boolean forgets(long lastFailure, long now) {
        return lastFailure > 0 && lastFailure < forgetBefore(now);
    }

    /** Whether a lock that follows {@code locksBefore} consecutive locks lasts until an administrator unlocks. */
    public boolean escalates(int locksBefore) {
        return locksBefore >= temporaryLocks;
    }
}
