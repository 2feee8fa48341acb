package com.fintechlogin.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class SoakVerdictsTest {

    private static final long MIB = 1024 * 1024;

    private static MinuteFigures minute(int minute, long scheduled, long late, long skipped, long errors) {
        return new MinuteFigures("email-password", minute, scheduled, late, skipped, scheduled - skipped, errors, 10, 20, 30,
                errors > 0 ? List.of("HTTP 500: boom") : List.of());
    }

    private static List<SoakSample> heapReadings(long... mebibytes) {
        List<SoakSample> samples = new ArrayList<>();
        samples.add(new SoakSample(0, 0, 50 * MIB, 0, 0));
        for (int i = 0; i < mebibytes.length; i++) {
            samples.add(new SoakSample(i + 1, 60.0 * (i + 1), mebibytes[i] * MIB, 0, 0));
        }
        return samples;
    }

    @Test
    void aRunWithoutErrorsPasses() {
        SoakCheck check = SoakVerdicts.errors(List.of(minute(1, 100, 0, 0, 0), minute(2, 100, 0, 0, 0)));

        assertThat(check.outcome()).isEqualTo(SoakCheck.Outcome.PASS);
        assertThat(check.figures()).startsWith("0 errors in 200 answered requests");
    }

    @Test
    void oneErrorFailsTheRunAndIsQuoted() {
        SoakCheck check = SoakVerdicts.errors(List.of(minute(1, 100, 0, 0, 0), minute(2, 100, 0, 0, 1)));

        assertThat(check.outcome()).isEqualTo(SoakCheck.Outcome.FAIL);
        assertThat(check.figures()).contains("1 errors").contains("HTTP 500: boom");
    }

    @Test
    void theLoadHeldWhenAtMostOnePercentWasLateOrNotSent() {
        assertThat(SoakVerdicts.offeredLoad(List.of(minute(1, 1000, 6, 4, 0))).outcome()).isEqualTo(SoakCheck.Outcome.PASS);
        assertThat(SoakVerdicts.offeredLoad(List.of(minute(1, 1000, 6, 5, 0))).outcome()).isEqualTo(SoakCheck.Outcome.FAIL);
    }

    @Test
    void aHeapWithinTenPercentBetweenTheFirstAndLastFiveMinutesIsFlat() {
        SoakVerdicts.HeapComparison heap = SoakVerdicts.heap(
                heapReadings(200, 205, 210, 200, 205, 300, 300, 300, 300, 300, 210, 215, 220, 215, 220), 5);

        assertThat(heap.windowMinutes()).isEqualTo(5);
        assertThat(heap.firstMeanBytes()).isEqualTo(204.0 * MIB);
        assertThat(heap.lastMeanBytes()).isEqualTo(216.0 * MIB);
        assertThat(heap.change()).isCloseTo(12.0 / 204, within(1e-9));
        assertThat(heap.check().outcome()).isEqualTo(SoakCheck.Outcome.PASS);
    }

    @Test
    void aHeapThatGrowsMoreThanTenPercentFails() {
        SoakVerdicts.HeapComparison heap = SoakVerdicts.heap(heapReadings(200, 200, 200, 200, 200, 221, 221, 221, 221, 221), 5);

        assertThat(heap.check().outcome()).isEqualTo(SoakCheck.Outcome.FAIL);
    }

    @Test
    void aShortRunComparesItsHalvesAndIgnoresTheReadingBeforeTheLoad() {
        SoakVerdicts.HeapComparison heap = SoakVerdicts.heap(heapReadings(100, 104, 300), 5);

        assertThat(heap.windowMinutes()).isEqualTo(1);
        assertThat(heap.firstMeanBytes()).isEqualTo(100.0 * MIB);
        assertThat(heap.lastMeanBytes()).isEqualTo(300.0 * MIB);
    }

    @Test
    void withoutHeapReadingsTheHeapIsNotJudged() {
        List<SoakSample> remote = List.of(new SoakSample(1, 60, -1, 10, 20), new SoakSample(2, 120, -1, 10, 20));

        assertThat(SoakVerdicts.heap(remote, 5).check().outcome()).isEqualTo(SoakCheck.Outcome.NOT_JUDGED);
    }

    @Test
    void sessionsAtOrBelowTheBoundAtEveryReadingPassAndTheMaximumIsQuoted() {
        SessionRetention retention = new SessionRetention(300, 36_000, 180);
        List<SoakSample> samples = List.of(new SoakSample(0, 0, -1, 100, 100), new SoakSample(1, 60, -1, 900, 1000),
                new SoakSample(2, 120, -1, 1000, 1000));

        SoakCheck check = SoakVerdicts.sessions(samples, retention);

        assertThat(check.outcome()).isEqualTo(SoakCheck.Outcome.PASS);
        assertThat(check.figures()).contains("observed max 1000 sessions (minute 2, bound there 1000)").contains("720 s");
    }

    @Test
    void oneReadingAboveTheBoundFails() {
        SessionRetention retention = new SessionRetention(300, 36_000, 180);
        List<SoakSample> samples = List.of(new SoakSample(1, 60, -1, 900, 1000), new SoakSample(2, 120, -1, 1001, 1000));

        SoakCheck check = SoakVerdicts.sessions(samples, retention);

        assertThat(check.outcome()).isEqualTo(SoakCheck.Outcome.FAIL);
        assertThat(check.figures()).contains("first at minute 2 (1001 > 1000)");
    }

    @Test
    void theTrendIsTheLeastSquaresSlopeOverTheLastMinutes() {
        List<SoakSample> samples = new ArrayList<>();
        samples.add(new SoakSample(0, 0, -1, 0, 0));
        for (int m = 1; m <= 30; m++) {
            long sessions = m <= 20 ? 1000L * m : 20_000 + 5L * (m - 20); // growth, then almost flat
            samples.add(new SoakSample(m, 60.0 * m, -1, sessions, 0));
        }

        SoakVerdicts.SessionTrend trend = SoakVerdicts.trend(samples, 10);

        assertThat(trend.fromMinute()).isEqualTo(20);
        assertThat(trend.toMinute()).isEqualTo(30);
        assertThat(trend.firstCount()).isEqualTo(20_000);
        assertThat(trend.lastCount()).isEqualTo(20_050);
        assertThat(trend.slopePerMinute()).isCloseTo(5.0, within(1e-9));
    }

    @Test
    void expectedFailuresPassWhenEveryAnswerWasTheDocumentedFailure() {
        SoakCheck check = SoakVerdicts.expectedFailures(List.of(new FailureMix.Figures("Email/password, wrong password until locked",
                90, 0, 15, List.of()), new FailureMix.Figures("Partner, payload sent again (replay)", 180, 0, 0, List.of())));

        assertThat(check.outcome()).isEqualTo(SoakCheck.Outcome.PASS);
        assertThat(check.figures()).isEqualTo("0 unexpected answers in 270 requests meant to fail (15 locks, each lifted by the admin unlock)");
    }

    @Test
    void oneUnexpectedAnswerOfTheFailureMixFailsItsOwnCheckAndIsQuoted() {
        SoakCheck check = SoakVerdicts.expectedFailures(List.of(new FailureMix.Figures("Mobile sign-in, unknown mobile", 90, 1, 0,
                List.of("HTTP 500 /resCode=500 where [HTTP 404 404] is documented"))));

        assertThat(check.outcome()).isEqualTo(SoakCheck.Outcome.FAIL);
        assertThat(check.figures()).startsWith("1 unexpected answers in 90 requests").endsWith("first: HTTP 500 /resCode=500 where [HTTP 404 404] is documented");
    }

    @Test
    void noFailureMixIsNotJudged() {
        assertThat(SoakVerdicts.expectedFailures(List.of()).outcome()).isEqualTo(SoakCheck.Outcome.NOT_JUDGED);
    }
}
