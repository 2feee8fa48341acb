package com.fintechlogin.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The soak of issue 9: every login API at once, open-loop, at half the server's capacity (each API's capacity
 * measured first in the same run, closed-loop, the benchmark's way), for a fixed number of minutes. Every minute it
 * reads the heap after a full GC and the realm's user-session count; at the end it judges zero errors, a flat heap
 * and a session count within what expiry allows, and writes {@code soak.md}, {@code soak.json} and {@code soak.png}.
 * Beside the load it sends a small mix of expected failures ({@link FailureMix}) and reads the server's
 * {@code /metrics} every 15 s ({@link MetricsScraper}), from which it draws what the Grafana dashboard shows,
 * {@code soak-dashboard.png} ({@link SoakDashboard}).
 */
public final class Soak {

    /** What to run and where; see {@link #usage()} for the command-line names. */
    public record Options(String serverUrl, String realm, String adminUser, String adminPassword, int minutes,
            int concurrency, Duration warmup, Duration capacityWindow, int users, Map<String, Double> capacities,
            OptionalInt sessionIdleOverride, int purgePeriodSeconds, int compareMinutes, int trendMinutes, Path out,
            String command, String metricsUrl) {

        /** Keycloak's default management port, where {@code /metrics} is unless the server moved it. */
        static final int DEFAULT_MANAGEMENT_PORT = 9000;

        public Options {
            capacities = Map.copyOf(capacities);
            metricsUrl = metricsUrl == null ? "" : metricsUrl;
        }

        public static Options defaults(String serverUrl, Path out, String command) {
            return new Options(serverUrl, "demo", "admin", "admin", 30, 8, Duration.ofSeconds(5), Duration.ofSeconds(12),
                    1_000, Map.of(), OptionalInt.empty(), SessionRetention.DEFAULT_PURGE_PERIOD_SECONDS, 5, 10, out, command, "");
        }

        /** Options from command-line arguments ({@link #usage()}), over {@link #defaults}. */
        public static Options parse(String[] args) {
            return SoakCommandLine.parse(args);
        }

        /** The same options against another server, with relative output paths resolved against {@code base}. */
        public Options on(String otherServerUrl, Path base, String otherCommand) {
            return new Options(otherServerUrl, realm, adminUser, adminPassword, minutes, concurrency, warmup,
                    capacityWindow, users, capacities, sessionIdleOverride, purgePeriodSeconds, compareMinutes,
                    trendMinutes, out.isAbsolute() ? out : base.resolve(out).normalize(), otherCommand, metricsUrl);
        }

        /** The same options, setting the realm's SSO idle timeout to {@code seconds} unless the command line set one. */
        public Options sessionIdleUnlessSet(int seconds) {
            return sessionIdleOverride.isPresent() ? this : new Options(serverUrl, realm, adminUser, adminPassword, minutes,
                    concurrency, warmup, capacityWindow, users, capacities, OptionalInt.of(seconds), purgePeriodSeconds,
                    compareMinutes, trendMinutes, out, command, metricsUrl);
        }

        /** The same options, reading the metrics at {@code url} unless the command line named another address. */
        public Options metricsUrlUnlessSet(String url) {
            return !metricsUrl.isEmpty() ? this : new Options(serverUrl, realm, adminUser, adminPassword, minutes, concurrency,
                    warmup, capacityWindow, users, capacities, sessionIdleOverride, purgePeriodSeconds, compareMinutes,
                    trendMinutes, out, command, url);
        }

        /** Where the server's {@code /metrics} is: as given, else the management port's default on the server's host. */
        String metricsEndpoint() {
            if (!metricsUrl.isEmpty()) {
                return metricsUrl;
            }
            URI server = URI.create(serverUrl);
            return server.getScheme() + "://" + server.getHost() + ":" + DEFAULT_MANAGEMENT_PORT + "/metrics";
        }

        String realmUrl() {
            return serverUrl + "/realms/" + realm;
        }
    }

    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final Options options;
    private final Consumer<String> log;
    private final HttpClient http;
    private final AdminClient admin;

    public Soak(Options options, Consumer<String> log) {
        this.options = options;
        this.log = log;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        this.admin = new AdminClient(http, options.serverUrl(), options.realm(), options.adminUser(), options.adminPassword());
    }

    /** Runs the soak and writes its report; the result tells whether every verdict passed. */
    public SoakResult run() throws Exception {
        Instant started = Instant.now();
        admin.partialImport(Users.workersImport(options.concurrency()));
        admin.partialImport(Users.refusedImport());
        new Seeder(admin, log).seed(0, options.users());
        String idleNote = applySessionIdle();
        JsonNode realm = admin.realm();
        SessionRetention retention = new SessionRetention(realm.path("ssoSessionIdleTimeout").asInt(),
                realm.path("ssoSessionMaxLifespan").asInt(), options.purgePeriodSeconds());

        Scenarios scenarios = new Scenarios(http, options.realmUrl(), options.users(), options.concurrency());
        JsonNode key = scenarios.publicKey();
        ClientCrypto crypto = new ClientCrypto(key.get("publicKey").asText());
        List<Scenario> apis = scenarios.everyApi(crypto, key.get("keyRef").asText());
        List<SoakPlan> plans = SoakPlan.of(apis, options.capacities(), measureCapacities(apis));
        plans.forEach(p -> log.accept(String.format("  %-40s capacity %8.1f req/s (%s) → offered %7.2f req/s", p.label(),
                p.capacityPerSecond(), p.capacityMeasured() ? "measured" : "given", p.perSecond())));

        Optional<ServerHeap> heap = ServerHeap.serving(options.serverUrl());
        log.accept(heap.map(h -> "Heap: jcmd on process " + h.pid()).orElse("No local Keycloak serving "
                + options.serverUrl() + ": the heap is not measured"));
        log.accept(String.format("Sessions: a login's session may stay %d s (timeout %d s + cleaner window %d s + purge period %d s + margin %d s)",
                retention.retentionSeconds(), retention.lifetimeSeconds(), SessionRetention.CLEANER_WINDOW_SECONDS,
                retention.purgePeriodSeconds(), SessionRetention.MARGIN_SECONDS));

        FailureMix failureMix = new FailureMix(http, options.realmUrl(), admin, crypto, log);
        MetricsScraper scraper = new MetricsScraper(http, options.metricsEndpoint(), options.realm(), log);
        Optional<String> noMetrics = scraper.problem();
        log.accept(noMetrics.map(problem -> "Metrics: none at " + options.metricsEndpoint() + " (" + problem + "): "
                + SoakDashboard.FILE + " will not be drawn; --metrics-url names another address")
                .orElse("Metrics: " + options.metricsEndpoint() + " read every " + MetricsScraper.INTERVAL.toSeconds()
                        + " s for " + SoakDashboard.FILE));

        List<SoakSample> samples = new ArrayList<>();
        long sessionsAtStart = sessionCount();
        samples.add(new SoakSample(0, 0, heapAfterGc(heap), sessionsAtStart, sessionsAtStart));
        log.accept(String.format("Soak: %d minutes, %d APIs at once; before the load: %s heap, %d sessions", options.minutes(),
                plans.size(), heapText(samples.get(0)), sessionsAtStart));

        SoakTally tally = new SoakTally(plans.stream().map(SoakPlan::id).toList(), options.minutes());
        List<OpenLoopLoad.Paced> paced = new ArrayList<>();
        for (int i = 0; i < apis.size(); i++) {
            paced.add(new OpenLoopLoad.Paced(apis.get(i), plans.get(i).perSecond()));
        }
        OpenLoopLoad load = new OpenLoopLoad(http, paced, options.concurrency(), MINUTE.multipliedBy(options.minutes()), tally);
        long start = System.nanoTime();
        if (noMetrics.isEmpty()) {
            scraper.start(start);
        }
        load.start(start);
        failureMix.start(start, MINUTE.multipliedBy(options.minutes()));
        for (int minute = 1; minute <= options.minutes(); minute++) {
            waitUntil(start + MINUTE.multipliedBy(minute).toNanos());
            long heapBytes = heapAfterGc(heap);
            long sessions = sessionCount();
            double at = (System.nanoTime() - start) / 1e9;
            long bound = retention.boundAt(sessionsAtStart, tally.sessionLoginsPerSecond(), at);
            SoakSample sample = new SoakSample(minute, at, heapBytes, sessions, bound);
            samples.add(sample);
            log.accept(String.format("  minute %3d: heap %s, sessions %d (bound %d), errors so far %d", minute,
                    heapText(sample), sessions, bound, tally.errors()));
        }
        load.awaitEnd();
        failureMix.awaitEnd();
        List<MetricsScrape> scrapes = noMetrics.isEmpty() ? scraper.stop(start) : List.of();

        SoakResult.Dashboard dashboard = dashboard(noMetrics, scrapes);
        SoakResult result = SoakResult.judge("keycloak-fintech-login soak", options, admin.serverVersion(),
                Report.Machine.current(), started, idleNote, retention, plans, samples, tally.figures(),
                failureMix.figures(), dashboard);
        SoakReport.write(result, options.out());
        if (dashboard.drawn()) {
            Files.write(options.out().resolve(SoakDashboard.FILE), SoakDashboard.png(DashboardPanels.all(), scrapes,
                    "What the dashboard shows, drawn from a soak run: " + Format.utc(started) + ", " + options.minutes()
                            + " minutes, realm " + options.realm() + ", /metrics read every " + MetricsScraper.INTERVAL.toSeconds() + " s"));
        }
        log.accept(dashboard.note());
        result.checks().forEach(c -> log.accept(String.format("%-36s %-10s %s", c.name(), c.outcome(), c.figures())));
        log.accept("Results in " + options.out().toAbsolutePath());
        return result;
    }

    /** Whether the scrapes make a picture: rates need two of them at least. */
    private SoakResult.Dashboard dashboard(Optional<String> noMetrics, List<MetricsScrape> scrapes) {
        if (noMetrics.isPresent()) {
            return new SoakResult.Dashboard(false, SoakDashboard.FILE + " not drawn: no metrics at " + options.metricsEndpoint()
                    + " (" + noMetrics.get() + "); start Keycloak with --metrics-enabled=true --event-metrics-user-enabled=true "
                    + "and name its management port's /metrics with --metrics-url.");
        }
        if (scrapes.size() < 2) {
            return new SoakResult.Dashboard(false, SoakDashboard.FILE + " not drawn: only " + scrapes.size()
                    + " reads of " + options.metricsEndpoint() + " succeeded, and a rate needs two.");
        }
        return new SoakResult.Dashboard(true, "Every panel of docs/grafana-dashboard.json, computed as its query computes it from "
                + scrapes.size() + " reads of the management port's /metrics, one every " + MetricsScraper.INTERVAL.toSeconds()
                + " s (rates and increases between consecutive reads): " + SoakDashboard.FILE + ".");
    }

    /** With a setting given, lowers (or raises) the realm's SSO idle timeout so that sessions reach a steady state. */
    private String applySessionIdle() {
        if (options.sessionIdleOverride().isEmpty()) {
            return "";
        }
        int before = admin.realm().path("ssoSessionIdleTimeout").asInt();
        int seconds = options.sessionIdleOverride().getAsInt();
        admin.updateRealm(Map.of("ssoSessionIdleTimeout", seconds));
        String note = "The soak set the realm's SSO session idle timeout to " + seconds + " s (it was " + before
                + " s) so that the session count reaches a steady state within the run; it did not restore it.";
        log.accept(note);
        return note;
    }

    private Map<String, Double> measureCapacities(List<Scenario> apis) {
        List<Scenario> toMeasure = apis.stream().filter(s -> !options.capacities().containsKey(s.id())).toList();
        Map<String, Double> capacities = new LinkedHashMap<>();
        if (toMeasure.isEmpty()) {
            return capacities;
        }
        log.accept("Capacity of each API: closed loop, " + options.concurrency() + " workers, " + options.capacityWindow().toSeconds()
                + " s measured after a " + options.warmup().toSeconds() + " s warmup");
        List<Measurement> measured = new ClosedLoopMeasurement(http, options.concurrency(), options.warmup(),
                options.capacityWindow(), log).measure(toMeasure);
        for (Measurement m : measured) {
            if (m.errors() > 0) {
                throw new IllegalStateException("Capacity of " + m.label() + " measured with " + m.errors() + " errors: "
                        + m.firstErrors());
            }
            capacities.put(m.id(), m.perSecond());
        }
        return capacities;
    }

    private long sessionCount() {
        return admin.activeSessionsByClient().values().stream().mapToLong(Long::longValue).sum();
    }

    private long heapAfterGc(Optional<ServerHeap> heap) {
        if (heap.isEmpty()) {
            return -1;
        }
        try {
            return heap.get().usedAfterFullGc();
        } catch (IllegalStateException unreadable) {
            // One missed reading must not end a 30-minute run; the verdict uses the readings it has.
            log.accept("  heap not read: " + unreadable.getMessage());
            return -1;
        }
    }

    private static String heapText(SoakSample sample) {
        return sample.hasHeap() ? Format.mebibytes(sample.heapBytes()) : "unknown";
    }

    private static void waitUntil(long nanoTime) {
        for (long left = nanoTime - System.nanoTime(); left > 0; left = nanoTime - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }

    static String usage() {
        return """
                Usage: soak [--url http://localhost:8080] [--realm demo] [--admin admin:admin] [--minutes 30]
                            [--concurrency 8] [--warmup-seconds 5] [--capacity-seconds 12] [--users 1000]
                            [--capacity email-password=29.5,card-portal=29.7,...] [--set-session-idle SECONDS]
                            [--session-expiration-period 180] [--compare-minutes 5] [--trend-minutes 10]
                            [--out bench-results]
                """;
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.print(usage());
            return;
        }
        SoakResult result = new Soak(Options.parse(args), System.out::println).run();
        System.exit(result.passed() ? 0 : 1);
    }
}
