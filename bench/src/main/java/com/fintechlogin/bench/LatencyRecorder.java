package com.fintechlogin.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * What one worker saw in the measured window: its latencies, its error count and its first errors. Each worker owns
 * one, so recording needs no locks or atomics on the hot path; the runner merges them after the workers have ended.
 */
final class LatencyRecorder {

    static final int KEPT_ERRORS = 3;

    /** An error's text and when it completed, so that merged errors keep the order in which they happened. */
    record TimedError(long completedNanos, String text) {
    }

    private long[] latencies = new long[1024];
    private int count;
    private long errors;
    private final List<TimedError> firstErrors = new ArrayList<>(KEPT_ERRORS);

    void success(long latencyNanos) {
        add(latencyNanos);
    }

    void error(long latencyNanos, long completedNanos, String text) {
        add(latencyNanos);
        errors++;
        if (firstErrors.size() < KEPT_ERRORS) {
            firstErrors.add(new TimedError(completedNanos, text));
        }
    }

    private void add(long latencyNanos) {
        if (count == latencies.length) {
            latencies = Arrays.copyOf(latencies, latencies.length * 2);
        }
        latencies[count++] = latencyNanos;
    }

    /** Requests recorded, successes and errors together. */
    int requests() {
        return count;
    }

    long errors() {
        return errors;
    }

    /** All latencies of the given recorders in one array, for {@link Stats}. */
    static long[] mergedLatencies(List<LatencyRecorder> recorders) {
        long[] all = new long[recorders.stream().mapToInt(LatencyRecorder::requests).sum()];
        int at = 0;
        for (LatencyRecorder recorder : recorders) {
            System.arraycopy(recorder.latencies, 0, all, at, recorder.count);
            at += recorder.count;
        }
        return all;
    }

    /** The earliest {@link #KEPT_ERRORS} errors over all given recorders, as text. */
    static List<String> mergedFirstErrors(List<LatencyRecorder> recorders) {
        return recorders.stream()
                .flatMap(recorder -> recorder.firstErrors.stream())
                .sorted(Comparator.comparingLong(TimedError::completedNanos))
                .limit(KEPT_ERRORS)
                .map(TimedError::text)
                .toList();
    }
}
