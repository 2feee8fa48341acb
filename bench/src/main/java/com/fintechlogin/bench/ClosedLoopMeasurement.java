package com.fintechlogin.bench;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The benchmark's way of measuring a set of scenarios at a fixed concurrency: each warmed up in turn, then measured in
 * interleaved rounds (see {@link Rounds}): a window of each in turn, up to {@value #ROUNDS} times, each window after a
 * second of its own warmup. The benchmark compares the results; the soak takes them as each API's capacity.
 */
final class ClosedLoopMeasurement {

    /** Measured windows per scenario, interleaved with the other scenarios'. */
    private static final int ROUNDS = 3;

    private final HttpClient http;
    private final int concurrency;
    private final Duration warmup;
    private final Duration window;
    private final Consumer<String> log;

    /**
     * @param warmup per scenario before the rounds; zero skips warmups altogether (a smoke run)
     * @param window the measured time per scenario, split over the rounds
     */
    ClosedLoopMeasurement(HttpClient http, int concurrency, Duration warmup, Duration window, Consumer<String> log) {
        this.http = http;
        this.concurrency = concurrency;
        this.warmup = warmup;
        this.window = window;
        this.log = log;
    }

    /** One combined measurement per scenario, in the order given. */
    List<Measurement> measure(List<Scenario> scenarios) {
        if (!warmup.isZero()) {
            LoadRunner warmupRunner = new LoadRunner(http, concurrency, Duration.ZERO, warmup);
            scenarios.forEach(scenario -> {
                log.accept("Warming up " + scenario.label() + " …");
                warmupRunner.run(scenario);
            });
        }
        int rounds = (int) Math.max(1, Math.min(ROUNDS, window.toSeconds()));
        Duration settle = warmup.isZero() ? Duration.ZERO : Duration.ofSeconds(1);
        LoadRunner runner = new LoadRunner(http, concurrency, settle, window.dividedBy(rounds));
        Map<String, List<Measurement>> windows = new LinkedHashMap<>();
        for (int round = 1; round <= rounds; round++) {
            for (Scenario scenario : scenarios) {
                windows.computeIfAbsent(scenario.id(), id -> new ArrayList<>()).add(runner.run(scenario));
            }
        }
        List<Measurement> measured = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            Measurement m = Rounds.combine(windows.get(scenario.id()));
            log.accept(String.format("  %-40s %8.1f req/s  p50 %6.1f ms  p99 %6.1f ms  errors %d%s", m.label(),
                    m.perSecond(), m.p50Millis(), m.p99Millis(), m.errors(),
                    m.firstErrors().isEmpty() ? "" : "  first: " + m.firstErrors().get(0)));
            measured.add(m);
        }
        return measured;
    }
}
