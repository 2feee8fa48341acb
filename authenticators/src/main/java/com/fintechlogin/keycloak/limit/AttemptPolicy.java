package com.fintechlogin.keycloak.limit;

import java.time.Duration;

/**
 * How many consecutive wrong attempts a credential kind allows before it locks, and for how long.
 *
 * <p>A lock of zero or less means "until an administrator unlocks": a lock that ends at once would let an
 * attacker go on guessing, so the fail-safe reading of a missing or zero duration is the strictest one.
 *
 * @param limit consecutive failures allowed; the attempt that reaches it is still evaluated, later ones are not
 * @param lockMillis how long reaching the limit locks, in milliseconds; {@link #PERMANENT_LOCK} (0) or less: until
 *        an administrator unlocks
 */
public record AttemptPolicy(int limit, long lockMillis) {

    /** The {@link #lockMillis()} of a lock only an administrator lifts. */
    public static final long PERMANENT_LOCK = 0L;

    public AttemptPolicy {
        if (limit < 1) {
            throw new IllegalArgumentException("An attempt limit must be at least 1, was " + limit);
        }
        if (lockMillis < 0) {
            lockMillis = PERMANENT_LOCK;
        }
    }

    /** {@code limit} failures lock for {@code lock}; a zero or negative duration locks until an admin unlocks. */
    public static AttemptPolicy of(int limit, Duration lock) {
        return new AttemptPolicy(limit, lock.toMillis());
    }

    /** {@code limit} failures lock until an administrator unlocks. */
    public static AttemptPolicy untilAdminUnlock(int limit) {
        return new AttemptPolicy(limit, PERMANENT_LOCK);
    }

    public boolean permanentLock() {
        return lockMillis == PERMANENT_LOCK;
    }

    /**
     * When a lock reached at {@code now} ends, as stored: {@link Long#MAX_VALUE} for a lock until admin unlock
     * (no clock ever passes it, so the expiry check needs no special case), saturating instead of overflowing.
     */
    public long lockedUntil(long now) {
        if (permanentLock() || lockMillis > Long.MAX_VALUE - now) {
            return AttemptStatus.UNTIL_ADMIN_UNLOCK;
        }
        return now + lockMillis;
    }
}
