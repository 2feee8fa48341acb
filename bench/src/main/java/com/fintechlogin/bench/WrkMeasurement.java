package com.fintechlogin.bench;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * The benchmark's way of measuring: each load warmed up in turn, then measured in interleaved rounds (see
 * {@link Rounds}), a window of each in turn, each window after two seconds of its own settling. A load is a scenario and
 * the generator that drives it: normally wrk replaying requests built just before the window ({@link RequestPool}),
 * and, to show that this generator is not what limits the figures, wrk alone sending one fixed request, and the Java
 * closed-loop runner the benchmark used before.
 */
final class WrkMeasurement {

    /** Which generator drives a load. */
    enum Generator {
        /** wrk replaying requests built beforehand, every answer checked by its text: the benchmark's figures. */
        WRK_REPLAY("wrk, requests built beforehand, every answer checked"),
        /** wrk's own fixed request, formatted once, no Lua per request, only the status counted: wrk alone. */
        WRK_FIXED("wrk alone: one fixed request, no script per request"),
        /** The benchmark's earlier generator: a platform thread per connection, blocking JDK HTTP client. */
        JAVA_CLOSED_LOOP("Java closed loop: a thread per connection, JDK HTTP client");

        private final String description;

        Generator(String description) {
            this.description = description;
        }

        String description() {
            return description;
        }
    }

    /** A scenario and the generator that drives it. */
    record Load(Scenario scenario, Generator generator) {
    }

    /** Measured windows per scenario, interleaved with the other scenarios'. */
    static final int ROUNDS = 3;
    /** Requests per second assumed for a pool before the scenario's first window has shown its rate. */
    static final double FIRST_GUESS_PER_SECOND = 1_500;
    /**
     * Pools hold this many times the requests the fastest window so far suggests: rates on a shared 2-core machine
     * move by half from one window to the next, and a single-use pool run dry turns the rest of its window into
     * refused replays.
     */
    static final double POOL_ROOM = 2.5;
    private static final int MAX_POOL = 400_000;
    /**
     * Load of the same scenario, unmeasured, before each window: the server leaves what the previous scenario left it
     * (a password hash's garbage, a batch of writes) before the window starts.
     */
    private static final Duration SETTLE = Duration.ofSeconds(2);
    private static final Duration DRAIN_AT_LEAST = Duration.ofMillis(200);
    private static final Duration DRAIN_AT_MOST = Duration.ofSeconds(2);

    private final WrkRun wrk;
    private final HttpClient http;
    private final URI server;
    private final int concurrency;
    private final Duration warmup;
    private final Duration window;
    private final CpuWatch cpu;
    private final Path pools;
    private final Consumer<String> log;
    /** The fastest rate each load showed, to size its next pool; one measurement's own state, shared with no other. */
    private final Map<String, Double> fastestRate = new HashMap<>();
    /** Where each load's next pool starts, so that its users' turns go on from one window to the next. */
    private final Map<String, Long> nextRequest = new HashMap<>();

    /**
     * @param warmup per load before the rounds; zero skips warmups and settling altogether (a smoke run)
     * @param window the measured time per load, split over the rounds in whole seconds
     * @param pools  a directory for the request pools
     */
    WrkMeasurement(WrkRun wrk, HttpClient http, URI server, int concurrency, Duration warmup, Duration window,
            CpuWatch cpu, Path pools, Consumer<String> log) {
        this.wrk = wrk;
        this.http = http;
        this.server = server;
        this.concurrency = concurrency;
        this.warmup = warmup;
        this.window = window;
        this.cpu = cpu;
        this.pools = pools;
        this.log = log;
        if (roundWindow().compareTo(Duration.ofSeconds(AppToken.RENEW_BEFORE_MILLIS / 1000 - 30)) > 0) {
            throw new IllegalArgumentException("A round's window of " + roundWindow().toSeconds() + " s outlives the app "
                    + "tokens built into its requests; measure at most " + ROUNDS * (AppToken.RENEW_BEFORE_MILLIS / 1000 - 30)
                    + " s per scenario");
        }
    }

    /** How the load is measured, for the report's header. */
    String describe() {
        String rounds = rounds() + " interleaved " + (rounds() == 1 ? "round" : "rounds") + " of " + roundWindow().toSeconds() + " s";
        return wrk.describe() + ", closed loop; " + (warmup.isZero()
                ? "no warmup, " + rounds
                : "each scenario warmed up " + warmup.toSeconds() + " s, then " + rounds + ", each window after "
                        + SETTLE.toSeconds() + " s of the same load unmeasured");
    }

    /** The rounds' window: the measured time split over the rounds, in whole seconds (wrk takes no less). */
    Duration roundWindow() {
        return Duration.ofSeconds(Math.max(1, Math.round(window.toSeconds() / (double) rounds())));
    }

    /** Measured windows per load: {@link #ROUNDS}, fewer when the measured time is shorter than that many seconds. */
    int rounds() {
        return (int) Math.max(1, Math.min(ROUNDS, window.toSeconds()));
    }

    /** One combined measurement per load, in the order given. */
    List<Measurement> measure(List<Load> loads) {
        if (!warmup.isZero()) {
            for (Load load : loads) {
                log.accept("Warming up " + load.scenario().label() + " (" + load.generator().description() + ") …");
                once(load, warmup);
            }
        }
        List<List<Measurement>> windows = new ArrayList<>();
        loads.forEach(load -> windows.add(new ArrayList<>()));
        for (int round = 1; round <= rounds(); round++) {
            for (int i = 0; i < loads.size(); i++) {
                if (!warmup.isZero()) {
                    once(loads.get(i), SETTLE);
                }
                windows.get(i).add(once(loads.get(i), roundWindow()));
            }
        }
        List<Measurement> measured = new ArrayList<>();
        for (List<Measurement> loadWindows : windows) {
            Measurement m = Rounds.combine(loadWindows);
            log.accept(String.format("  %-44s %8.1f req/s  p50 %6.1f ms  p99 %6.1f ms  errors %d  CPU server %s db %s generator %s%s",
                    m.label(), m.perSecond(), m.p50Millis(), m.p99Millis(), m.errors(), Format.percent(m.cpu().server()),
                    Format.percent(m.cpu().database()), Format.percent(m.cpu().generator()),
                    m.firstErrors().isEmpty() ? "" : "  first: " + m.firstErrors().get(0)));
            measured.add(m);
        }
        return measured;
    }

    /** The load's unmeasured warmup, as {@link #measure} begins with; nothing in a run without warmups. */
    void warmUp(Load load) {
        if (!warmup.isZero()) {
            log.accept("Warming up " + load.scenario().label() + " (" + load.generator().description() + ") …");
            once(load, warmup);
        }
    }

    /** One round's window of the load, after its settling as in {@link #measure}'s rounds; not combined with others. */
    Measurement settledRound(Load load) {
        if (!warmup.isZero()) {
            once(load, SETTLE);
        }
        return once(load, roundWindow());
    }

    /** One window of one load. */
    Measurement once(Load load, Duration duration) {
        Measurement m = switch (load.generator()) {
            case WRK_REPLAY, WRK_FIXED -> wrkOnce(load, duration);
            case JAVA_CLOSED_LOOP -> javaOnce(load.scenario(), duration);
        };
        fastestRate.merge(key(load), m.perSecond(), Math::max);
        return m;
    }

    private Measurement wrkOnce(Load load, Duration duration) {
        Scenario scenario = load.scenario();
        boolean fixed = load.generator() == Generator.WRK_FIXED;
        int size = fixed ? wrk.threads() : poolSize(load, duration);
        Path base = pools.resolve(scenario.id() + (fixed ? "-fixed" : ""));
        long from = nextRequest.getOrDefault(key(load), 0L);
        RequestPool.write(scenario, from, size, concurrency, wrk.threads(), base);
        CpuWatch.Snapshot before = cpu.snapshot();
        WrkRun.Result result = fixed
                ? wrk.fixed(server, base, duration)
                : wrk.replay(server, base, scenario.singleUse(), scenario.success().bodyTexts(), duration);
        CpuWatch.Snapshot after = cpu.snapshot();
        // Thread t sent requests from + t, from + t + threads, …; the next pool starts past the furthest of them. A pool
        // is a whole number of user turns (poolSize), so this goes on with the turns even when a thread started over.
        nextRequest.put(key(load), from + (long) wrk.threads() * result.mostSentByAThread());
        drain(result);
        List<String> errors = new ArrayList<>(result.firstFailures());
        long errorCount = result.errors();
        if (result.socketErrors() > 0) {
            errors.add(result.socketErrors() + " connect, read, write or timeout errors (wrk)");
        }
        if (fixed && result.statusErrors() > 0) {
            errors.add(result.statusErrors() + " answers with a status other than 2xx (wrk)");
        }
        if (result.beyondPool() > 0) {
            errors.add(result.beyondPool() + " requests sent beyond the pool of " + size
                    + " single-use requests: the server refuses such repeats (the pool was sized too small)");
        }
        for (String sample : result.samples()) {
            if (!scenario.success().test(200, sample)) {
                errorCount = Math.max(errorCount, 1);
                errors.add("an answer that passed wrk's text check fails the API's own check: "
                        + sample.substring(0, Math.min(200, sample.length())));
            }
        }
        return new Measurement(scenario.id(), scenario.label(), scenario.target(), concurrency, result.seconds(),
                result.requests(), errorCount, result.perSecond(), result.p50Millis(), result.p95Millis(), result.p99Millis(),
                errors.stream().limit(3).toList(), cpu.between(before, after, result.cpuSeconds(), result.wallSeconds()));
    }

    /**
     * Waits for the requests wrk left in flight when it stopped, which the server still works on: the next window
     * must not start on a busy server, nor log in a user whose login is still being recorded.
     */
    private static void drain(WrkRun.Result result) {
        long millis = Math.max(DRAIN_AT_LEAST.toMillis(), Math.min(DRAIN_AT_MOST.toMillis(), (long) (2 * result.p99Millis())));
        LockSupport.parkNanos(Duration.ofMillis(millis).toNanos());
    }

    /** The earlier generator, for comparison; its CPU is this JVM's, so run the benchmark in a JVM of its own. */
    private Measurement javaOnce(Scenario scenario, Duration duration) {
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        CpuWatch.Snapshot before = cpu.snapshot();
        long ownBefore = os.getProcessCpuTime();
        long started = System.nanoTime();
        Measurement m = new LoadRunner(http, concurrency, Duration.ZERO, duration).run(scenario);
        double wall = (System.nanoTime() - started) / 1e9;
        double own = (os.getProcessCpuTime() - ownBefore) / 1e9;
        CpuShares shares = cpu.between(before, cpu.snapshot(), own, wall);
        return new Measurement(m.id(), m.label(), m.target(), m.concurrency(), m.seconds(), m.requests(), m.errors(),
                m.perSecond(), m.p50Millis(), m.p95Millis(), m.p99Millis(), m.firstErrors(), shares);
    }

    /**
     * Enough requests for the window at the fastest rate seen, with room (the first time a generous guess), rounded up to
     * whole turns of the workers' users ({@link Users#USERS_PER_WORKER} per connection), so that a thread that starts
     * its pool over goes on with the users' turns instead of repeating a user it has just sent.
     */
    int poolSize(Load load, Duration duration) {
        double rate = fastestRate.getOrDefault(key(load), FIRST_GUESS_PER_SECOND);
        long size = (long) Math.ceil(Math.max(rate, 1) * POOL_ROOM * duration.toSeconds()) + 4L * concurrency;
        long turn = (long) concurrency * Users.USERS_PER_WORKER * wrk.threads();
        size = Math.min(MAX_POOL, Math.max(size, wrk.threads()));
        return (int) ((size + turn - 1) / turn * turn);
    }

    private static String key(Load load) {
        return load.scenario().id() + "/" + load.generator();
    }
}
