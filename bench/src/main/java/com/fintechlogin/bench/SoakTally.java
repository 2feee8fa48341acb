package com.fintechlogin.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * What the open-loop load did, minute by minute and API by API, plus the session-making logins sent in each second
 * (for the session bound). Written concurrently by the dispatchers and by the threads that wait for answers; each
 * minute of each API has its own lock, so two APIs or two minutes never contend.
 */
final class SoakTally {

    private static final class Bucket {
        long scheduled;
        long late;
        long skipped;
        final LatencyRecorder answers = new LatencyRecorder();
    }

    private final List<String> scenarioIds;
    private final int minutes;
    private final Bucket[][] buckets;
    private final AtomicLongArray sessionLoginsPerSecond;

    SoakTally(List<String> scenarioIds, int minutes) {
        this.scenarioIds = List.copyOf(scenarioIds);
        this.minutes = minutes;
        this.buckets = new Bucket[scenarioIds.size()][minutes];
        for (Bucket[] row : buckets) {
            for (int m = 0; m < minutes; m++) {
                row[m] = new Bucket();
            }
        }
        this.sessionLoginsPerSecond = new AtomicLongArray(minutes * 60 + 1);
    }

    /** A request came due {@code dueNanos} after the start; {@code sent} false when it was not sent at all. */
    void scheduled(int scenario, long dueNanos, boolean late, boolean sent) {
        Bucket bucket = bucket(scenario, dueNanos);
        synchronized (bucket) {
            bucket.scheduled++;
            if (!sent) {
                bucket.skipped++;
            } else if (late) {
                bucket.late++;
            }
        }
    }

    /** A session-making login was sent {@code sentNanos} after the start. */
    void sessionLoginSent(long sentNanos) {
        sessionLoginsPerSecond.incrementAndGet((int) Math.min(sessionLoginsPerSecond.length() - 1, sentNanos / 1_000_000_000L));
    }

    /** The answer (or failure) of a request due {@code dueNanos} after the start; {@code error} null on success. */
    void answered(int scenario, long dueNanos, long latencyNanos, long completedNanos, String error) {
        Bucket bucket = bucket(scenario, dueNanos);
        synchronized (bucket) {
            if (error == null) {
                bucket.answers.success(latencyNanos);
            } else {
                bucket.answers.error(latencyNanos, completedNanos, error);
            }
        }
    }

    /** Session-making logins sent in each second since the start, as they stand now. */
    long[] sessionLoginsPerSecond() {
        long[] copy = new long[sessionLoginsPerSecond.length()];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = sessionLoginsPerSecond.get(i);
        }
        return copy;
    }

    /** Errors recorded so far, all APIs and minutes. */
    long errors() {
        long errors = 0;
        for (Bucket[] row : buckets) {
            for (Bucket bucket : row) {
                synchronized (bucket) {
                    errors += bucket.answers.errors();
                }
            }
        }
        return errors;
    }

    /** One figure per API and minute, APIs in the order given, minutes in order. */
    List<MinuteFigures> figures() {
        List<MinuteFigures> figures = new ArrayList<>();
        for (int s = 0; s < scenarioIds.size(); s++) {
            for (int m = 0; m < minutes; m++) {
                Bucket bucket = buckets[s][m];
                synchronized (bucket) {
                    Stats stats = Stats.ofNanos(LatencyRecorder.mergedLatencies(List.of(bucket.answers)));
                    figures.add(new MinuteFigures(scenarioIds.get(s), m + 1, bucket.scheduled, bucket.late, bucket.skipped,
                            stats.count(), bucket.answers.errors(), stats.percentileMillis(50), stats.percentileMillis(95),
                            stats.percentileMillis(99), LatencyRecorder.mergedFirstErrors(List.of(bucket.answers))));
                }
            }
        }
        return figures;
    }

    private Bucket bucket(int scenario, long dueNanos) {
        return buckets[scenario][(int) Math.min(minutes - 1, dueNanos / 60_000_000_000L)];
    }
}
