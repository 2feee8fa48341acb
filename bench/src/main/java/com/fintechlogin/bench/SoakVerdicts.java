package com.fintechlogin.bench;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The soak's verdicts, computed from its figures alone (no server, no clock), so that the Markdown, the JSON and the
 * console cannot disagree, and so that each rule can be tested on numbers made up for it.
 */
final class SoakVerdicts {

    /** Heap after a full GC: the last minutes' mean may differ from the first minutes' by at most this share. */
    static final double HEAP_TOLERANCE = 0.10;
    /** Requests late or not sent, as a share of those scheduled, above which the offered load did not hold. */
    static final double OFF_SCHEDULE_TOLERANCE = 0.01;

    /** First and last minutes' heap means, and how far apart they are. */
    record HeapComparison(int windowMinutes, double firstMeanBytes, double lastMeanBytes, SoakCheck check) {

        /** {@code (last - first) / first}; NaN when not judged. */
        double change() {
            return Verdict.ratio(lastMeanBytes - firstMeanBytes, firstMeanBytes);
        }
    }

    /**
     * The session count's drift over the last minutes: the least-squares slope of count against time, and the counts
     * at both ends.
     */
    record SessionTrend(int fromMinute, int toMinute, long firstCount, long lastCount, double slopePerMinute) {
    }

    private SoakVerdicts() {
    }

    /** Zero errors over the whole run: any answer that was not the API's documented success, any failed send. */
    static SoakCheck errors(List<MinuteFigures> figures) {
        long answered = figures.stream().mapToLong(MinuteFigures::answered).sum();
        long errors = figures.stream().mapToLong(MinuteFigures::errors).sum();
        String first = figures.stream().flatMap(f -> f.firstErrors().stream()).findFirst().map(e -> "; first: " + e).orElse("");
        return new SoakCheck("zero errors", answered == 0 ? SoakCheck.Outcome.NOT_JUDGED : SoakCheck.Outcome.of(errors == 0),
                errors + " errors in " + answered + " answered requests" + first);
    }

    /**
     * The mix of expected failures beside the load ({@link FailureMix}): every answer the API's documented failure.
     * Judged apart from the load's zero errors, whose verdict is about the success load alone.
     */
    static SoakCheck expectedFailures(List<FailureMix.Figures> mix) {
        long sent = mix.stream().mapToLong(FailureMix.Figures::sent).sum();
        long unexpected = mix.stream().mapToLong(FailureMix.Figures::unexpected).sum();
        long locks = mix.stream().mapToLong(FailureMix.Figures::locks).sum();
        String first = mix.stream().flatMap(f -> f.firstErrors().stream()).findFirst().map(e -> "; first: " + e).orElse("");
        return new SoakCheck("expected failures as documented", sent == 0 ? SoakCheck.Outcome.NOT_JUDGED
                : SoakCheck.Outcome.of(unexpected == 0), unexpected + " unexpected answers in " + sent
                + " requests meant to fail (" + locks + " locks, each lifted by the admin unlock)" + first);
    }

    /** Whether the planned load was offered: at most {@link #OFF_SCHEDULE_TOLERANCE} of requests late or not sent. */
    static SoakCheck offeredLoad(List<MinuteFigures> figures) {
        long scheduled = figures.stream().mapToLong(MinuteFigures::scheduled).sum();
        long late = figures.stream().mapToLong(MinuteFigures::late).sum();
        long skipped = figures.stream().mapToLong(MinuteFigures::skipped).sum();
        if (scheduled == 0) {
            return new SoakCheck("load offered on schedule", SoakCheck.Outcome.NOT_JUDGED, "no request was scheduled");
        }
        double share = (late + skipped) / (double) scheduled;
        return new SoakCheck("load offered on schedule", SoakCheck.Outcome.of(share <= OFF_SCHEDULE_TOLERANCE),
                String.format(Locale.ROOT, "%d scheduled, %d sent late (> %d ms), %d not sent: %.2f %% off schedule (limit %.0f %%)",
                        scheduled, late, OpenLoopLoad.LATE_TOLERANCE.toMillis(), skipped, share * 100, OFF_SCHEDULE_TOLERANCE * 100));
    }

    /**
     * Heap after a full GC flat: the mean of the first {@code compareMinutes} readings under load against the mean of
     * the last as many, within {@link #HEAP_TOLERANCE} either way. Shorter runs compare their halves.
     */
    static HeapComparison heap(List<SoakSample> samples, int compareMinutes) {
        List<SoakSample> readings = samples.stream().filter(s -> s.minute() >= 1 && s.hasHeap()).toList();
        int window = Math.min(compareMinutes, readings.size() / 2);
        if (window < 1) {
            return new HeapComparison(0, Double.NaN, Double.NaN, new SoakCheck("heap after full GC flat",
                    SoakCheck.Outcome.NOT_JUDGED, readings.size() + " heap readings under load (a local server is needed, and 2 minutes)"));
        }
        double first = readings.subList(0, window).stream().mapToLong(SoakSample::heapBytes).average().orElseThrow();
        double last = readings.subList(readings.size() - window, readings.size()).stream().mapToLong(SoakSample::heapBytes)
                .average().orElseThrow();
        double change = Verdict.ratio(last - first, first);
        SoakCheck check = new SoakCheck("heap after full GC flat", SoakCheck.Outcome.of(Math.abs(change) <= HEAP_TOLERANCE),
                String.format(Locale.ROOT, "mean of the first %d minutes %s, of the last %d minutes %s: %+.1f %% (limit ±%.0f %%)",
                        window, Format.mebibytes(Math.round(first)), window, Format.mebibytes(Math.round(last)), change * 100,
                        HEAP_TOLERANCE * 100));
        return new HeapComparison(window, first, last, check);
    }

    /** The session count never above what expiry allows, at any reading. */
    static SoakCheck sessions(List<SoakSample> samples, SessionRetention retention) {
        if (samples.isEmpty()) {
            return new SoakCheck("user sessions within expiry's bound", SoakCheck.Outcome.NOT_JUDGED, "no session count was read");
        }
        SoakSample highest = samples.stream().max(Comparator.comparingLong(SoakSample::sessions)).orElseThrow();
        List<SoakSample> over = samples.stream().filter(s -> s.sessions() > s.sessionBound()).toList();
        String figures = String.format(Locale.ROOT,
                "observed max %d sessions (minute %d, bound there %d); bound = sessions at start + logins sent in the last %d s "
                        + "(timeout %d s + cleaner window %d s + purge period %d s + margin %d s)",
                highest.sessions(), highest.minute(), highest.sessionBound(), retention.retentionSeconds(),
                retention.lifetimeSeconds(), SessionRetention.CLEANER_WINDOW_SECONDS, retention.purgePeriodSeconds(),
                SessionRetention.MARGIN_SECONDS);
        if (!over.isEmpty()) {
            SoakSample firstOver = over.get(0);
            figures += String.format(Locale.ROOT, "; above the bound at %d readings, first at minute %d (%d > %d)",
                    over.size(), firstOver.minute(), firstOver.sessions(), firstOver.sessionBound());
        }
        return new SoakCheck("user sessions within expiry's bound", SoakCheck.Outcome.of(over.isEmpty()), figures);
    }

    /** The session count's least-squares slope over the readings of the last {@code lastMinutes} minutes. */
    static SessionTrend trend(List<SoakSample> samples, int lastMinutes) {
        List<SoakSample> loaded = samples.stream().filter(s -> s.minute() >= 1).toList();
        if (loaded.size() < 2) {
            return new SessionTrend(0, 0, 0, 0, Double.NaN);
        }
        int end = loaded.get(loaded.size() - 1).minute();
        List<SoakSample> window = loaded.stream().filter(s -> s.minute() >= end - lastMinutes).toList();
        double meanX = window.stream().mapToDouble(s -> s.atSecond() / 60).average().orElseThrow();
        double meanY = window.stream().mapToDouble(SoakSample::sessions).average().orElseThrow();
        double covariance = 0;
        double variance = 0;
        for (SoakSample s : window) {
            double dx = s.atSecond() / 60 - meanX;
            covariance += dx * (s.sessions() - meanY);
            variance += dx * dx;
        }
        return new SessionTrend(window.get(0).minute(), end, window.get(0).sessions(), window.get(window.size() - 1).sessions(),
                variance > 0 ? covariance / variance : Double.NaN);
    }
}
