package com.fintechlogin.bench;

/**
 * When each request of an open-loop load is due: request {@code k} at {@code k / rate} seconds after the start.
 * Computed from {@code k} rather than by adding an interval to the previous due time, so that rounding cannot drift
 * over a 30-minute run, and independent of when answers come back: a slow answer does not delay the next request
 * (which would quietly lower the offered rate, as a closed loop does).
 */
final class PacingSchedule {

    private static final double NANOS_PER_SECOND = 1e9;

    private final double perSecond;

    PacingSchedule(double perSecond) {
        if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
            throw new IllegalArgumentException("rate must be a positive number of requests per second: " + perSecond);
        }
        this.perSecond = perSecond;
    }

    double perSecond() {
        return perSecond;
    }

    /** Nanoseconds after the start at which request {@code k} (from 0) is due. */
    long dueNanos(long k) {
        return (long) Math.floor(k * NANOS_PER_SECOND / perSecond);
    }

    /** How many requests are due strictly before {@code elapsedNanos} after the start. */
    long countBefore(long elapsedNanos) {
        long count = (long) Math.ceil(elapsedNanos * perSecond / NANOS_PER_SECOND);
        while (count > 0 && dueNanos(count - 1) >= elapsedNanos) {
            count--;
        }
        while (dueNanos(count) < elapsedNanos) {
            count++;
        }
        return count;
    }
}
