package com.fintechlogin.bench;

import java.time.Instant;
import java.util.List;

/**
 * Everything one soak produced and its verdicts, computed once ({@link #judge}) so that the console, the Markdown, the
 * JSON and the chart all tell the same story.
 *
 * @param sessionIdleNote how the soak changed the realm's idle timeout; empty when it did not
 * @param checks          the verdicts: zero errors, load offered on schedule, heap flat, sessions within bound,
 *                        expected failures as documented
 * @param failureMix      what each kind of expected failure beside the load did
 * @param dashboard       whether {@code soak-dashboard.png} was drawn, from what, or why not
 */
public record SoakResult(String title, String command, String keycloakVersion, Report.Machine machine, Instant started,
        int minutes, int concurrency, String sessionIdleNote, SessionRetention retention, List<SoakPlan> plans,
        List<SoakSample> samples, List<MinuteFigures> figures, List<SoakCheck> checks,
        SoakVerdicts.HeapComparison heap, SoakVerdicts.SessionTrend trend, int trendMinutes,
        List<FailureMix.Figures> failureMix, Dashboard dashboard) {

    /**
     * The picture of the Grafana dashboard's panels: whether it was drawn, and from what or why not, in one sentence.
     */
    record Dashboard(boolean drawn, String note) {
    }

    /** One API over the whole run. */
    record ApiTotals(SoakPlan plan, long scheduled, long answered, long errors, long offSchedule, double medianP50Millis,
            double worstP99Millis) {
    }

    public SoakResult {
        plans = List.copyOf(plans);
        samples = List.copyOf(samples);
        figures = List.copyOf(figures);
        checks = List.copyOf(checks);
        failureMix = List.copyOf(failureMix);
    }

    static SoakResult judge(String title, Soak.Options options, String keycloakVersion, Report.Machine machine,
            Instant started, String sessionIdleNote, SessionRetention retention, List<SoakPlan> plans,
            List<SoakSample> samples, List<MinuteFigures> figures, List<FailureMix.Figures> failureMix, Dashboard dashboard) {
        SoakVerdicts.HeapComparison heap = SoakVerdicts.heap(samples, options.compareMinutes());
        List<SoakCheck> checks = List.of(SoakVerdicts.errors(figures), SoakVerdicts.offeredLoad(figures), heap.check(),
                SoakVerdicts.sessions(samples, retention), SoakVerdicts.expectedFailures(failureMix));
        return new SoakResult(title, options.command(), keycloakVersion, machine, started, options.minutes(),
                options.concurrency(), sessionIdleNote, retention, plans, samples, figures, checks, heap,
                SoakVerdicts.trend(samples, options.trendMinutes()), options.trendMinutes(), failureMix, dashboard);
    }

    /** No verdict failed (a verdict that could not be judged is reported, not failed). */
    public boolean passed() {
        return checks.stream().noneMatch(c -> c.outcome() == SoakCheck.Outcome.FAIL);
    }

    List<ApiTotals> totals() {
        return plans.stream().map(plan -> {
            List<MinuteFigures> own = figures.stream().filter(f -> f.scenarioId().equals(plan.id())).toList();
            return new ApiTotals(plan,
                    own.stream().mapToLong(MinuteFigures::scheduled).sum(),
                    own.stream().mapToLong(MinuteFigures::answered).sum(),
                    own.stream().mapToLong(MinuteFigures::errors).sum(),
                    own.stream().mapToLong(MinuteFigures::offSchedule).sum(),
                    Rounds.median(own.stream().filter(f -> f.answered() > 0).mapToDouble(MinuteFigures::p50Millis).toArray()),
                    own.stream().mapToDouble(MinuteFigures::p99Millis).max().orElse(Double.NaN));
        }).toList();
    }

    /** Session-making logins offered per second, all APIs together. */
    double sessionLoginsPerSecond() {
        return plans.stream().filter(p -> Scenarios.makesUserSession(p.id())).mapToDouble(SoakPlan::perSecond).sum();
    }
}
