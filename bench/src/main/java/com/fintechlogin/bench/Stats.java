package com.fintechlogin.bench;

import java.util.Arrays;

/**
 * Latency percentiles of a set of samples, by sorting all of them and taking the nearest rank. Exact rather than
 * estimated (no histogram buckets) because a run records at most a few million samples, which sort in well under a
 * second, and an exact p99 is one less thing to argue about.
 */
public final class Stats {

    private static final double NANOS_PER_MILLI = 1_000_000.0;

    private final long[] sorted;

    private Stats(long[] sorted) {
        this.sorted = sorted;
    }

    /** Samples in nanoseconds, in any order; the array is copied. */
    public static Stats ofNanos(long... samples) {
        long[] copy = samples.clone();
        Arrays.sort(copy);
        return new Stats(copy);
    }

    /** How many samples there are. */
    public int count() {
        return sorted.length;
    }

    /**
     * The nearest-rank percentile: the smallest sample such that at least {@code percent}% of the samples are less
     * than or equal to it, i.e. the sample of rank {@code ceil(percent / 100 × n)}.
     *
     * @param percent in {@code (0, 100]}
     * @return the sample in nanoseconds; 0 when there are no samples, so that an empty window reads as "nothing
     *         measured" in a table instead of breaking it
     */
    public long percentileNanos(double percent) {
        if (!(percent > 0 && percent <= 100)) {
            throw new IllegalArgumentException("percent must be in (0, 100]: " + percent);
        }
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }

    /** {@link #percentileNanos(double)} in milliseconds. */
    public double percentileMillis(double percent) {
        return percentileNanos(percent) / NANOS_PER_MILLI;
    }
}
