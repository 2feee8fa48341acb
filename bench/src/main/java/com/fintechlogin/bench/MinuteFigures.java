package com.fintechlogin.bench;

import java.util.List;

/**
 * One API's figures for one minute of the soak, by the minute its requests were due.
 *
 * @param scheduled    requests the pacing schedule called for
 * @param late         of those, sent more than {@link OpenLoopLoad#LATE_TOLERANCE} after they were due
 * @param skipped      not sent at all: too many requests were already waiting for answers
 * @param answered     requests that got an answer or failed, successes and errors together
 * @param errors       of those, the ones that were not a documented success (or failed to send)
 * @param firstErrors  up to 3 error texts
 */
record MinuteFigures(String scenarioId, int minute, long scheduled, long late, long skipped, long answered, long errors,
        double p50Millis, double p95Millis, double p99Millis, List<String> firstErrors) {

    MinuteFigures {
        firstErrors = List.copyOf(firstErrors);
    }

    /** Requests that did not leave on schedule: late or not sent. */
    long offSchedule() {
        return late + skipped;
    }
}
