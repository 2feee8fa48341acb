package com.fintechlogin.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Several short windows of one scenario, measured interleaved with the others, read as one measurement. On a small
 * machine a password hash costs tens of milliseconds of CPU, and whatever else the machine does in one window
 * (the JIT, a GC, the OS) moves a single window's figure by a quarter or more; taking every scenario's windows in
 * turn spreads such disturbances over all of them, so that their ratios stay fair.
 */
final class Rounds {

    private Rounds() {
    }

    /** Throughput pooled over all windows; latency percentiles the median of the windows' own; CPU shares by time. */
    static Measurement combine(List<Measurement> windows) {
        if (windows.isEmpty()) {
            throw new IllegalArgumentException("No windows to combine");
        }
        Measurement first = windows.get(0);
        double seconds = windows.stream().mapToDouble(Measurement::seconds).sum();
        long requests = windows.stream().mapToLong(Measurement::requests).sum();
        long errors = windows.stream().mapToLong(Measurement::errors).sum();
        List<String> firstErrors = new ArrayList<>();
        windows.forEach(w -> w.firstErrors().stream().limit(3 - firstErrors.size()).forEach(firstErrors::add));
        return new Measurement(first.id(), first.label(), first.target(), first.concurrency(), seconds, requests, errors,
                seconds > 0 ? requests / seconds : 0,
                median(windows.stream().mapToDouble(Measurement::p50Millis).toArray()),
                median(windows.stream().mapToDouble(Measurement::p95Millis).toArray()),
                median(windows.stream().mapToDouble(Measurement::p99Millis).toArray()),
                firstErrors,
                CpuShares.weighted(windows.stream().mapToDouble(Measurement::seconds).toArray(),
                        windows.stream().map(Measurement::cpu).toArray(CpuShares[]::new)));
    }

    /** The median; NaN for no values. */
    static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
