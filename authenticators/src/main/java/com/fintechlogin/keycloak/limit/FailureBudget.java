package com.fintechlogin.keycloak.limit;

/**
 * At most {@code limit} failures of one caller evaluated per window of {@code windowMillis}. Fixed windows: the first
 * failure after a window ended opens the next one, which lasts {@code windowMillis} from then; a refused request opens
 * none and so never prolongs a refusal.
 *
 * @param limit failures a caller may have evaluated in one window, at least 1
 * @param windowMillis how long a window lasts, at least 1
 */
public record FailureBudget(int limit, long windowMillis) {

    public FailureBudget {
        if (limit < 1) {
            throw new IllegalArgumentException("A failure budget must allow at least 1 failure, was " + limit);
        }
        if (windowMillis < 1) {
            throw new IllegalArgumentException("A budget window must last at least 1 ms, was " + windowMillis);
        }
    }

    /** When a window opened at {@code now} ends, saturating instead of overflowing. */
    long windowEnd(long now) {
        return windowMillis > Long.MAX_VALUE - now ? Long.MAX_VALUE : now + windowMillis;
    }
}
