package com.fintechlogin.bench;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One benchmark run against a Keycloak serving the demo realm with this project's JARs: seed users, measure
 * Keycloak's native grants and every API of the project side by side (same server, same concurrency, same run),
 * the limiter's cost, the heap after a fixed number of logins, and how mobile sign-in and PIN login cost grows
 * from the first population to the scale population; then write the report.
 */
public final class Benchmark {

    /** What to run and where; see {@link #usage()} for the command-line names. */
    public record Options(String serverUrl, String realm, String adminUser, String adminPassword, int concurrency,
            Duration warmup, Duration window, int users, int scaleUsers, int memoryLogins, Path out, String command) {

        public static Options defaults(String serverUrl, Path out, String command) {
            return new Options(serverUrl, "demo", "admin", "admin", 8, Duration.ofSeconds(5), Duration.ofSeconds(20),
                    1_000, 100_000, 5_000, out, command);
        }

        /** A seconds-long run that only proves every scenario still works. */
        public static Options smoke(String serverUrl, Path out) {
            return new Options(serverUrl, "demo", "admin", "admin", 2, Duration.ZERO, Duration.ofSeconds(1),
                    20, 40, 20, out, "smoke test");
        }

        /** Options from command-line arguments ({@link #usage()}), over {@link #defaults}. */
        public static Options parse(String[] args) {
            return CommandLine.parse(args);
        }

        /** The same options against another server, with relative output paths resolved against {@code base}. */
        public Options on(String otherServerUrl, Path base, String otherCommand) {
            return new Options(otherServerUrl, realm, adminUser, adminPassword, concurrency, warmup, window, users,
                    scaleUsers, memoryLogins, out.isAbsolute() ? out : base.resolve(out).normalize(), otherCommand);
        }

        String realmUrl() {
            return serverUrl + "/realms/" + realm;
        }
    }

    /** What a run measured, and the Markdown it wrote. */
    public record Outcome(List<Measurement> measurements, List<Report.Scale> scales, Report.Memory memory,
            List<Report.Comparison> comparisons, String markdown) {
    }

    private final Options options;
    private final Consumer<String> log;
    private final HttpClient http;
    private final AdminClient admin;
    private final Seeder seeder;

    public Benchmark(Options options, Consumer<String> log) {
        this.options = options;
        this.log = log;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        this.admin = new AdminClient(http, options.serverUrl(), options.realm(), options.adminUser(), options.adminPassword());
        this.seeder = new Seeder(admin, log);
    }

    public Outcome run() throws Exception {
        Instant started = Instant.now();
        admin.createClientIfAbsent(DemoClients.nativePasswordClient());
        admin.partialImport(Users.workersImport(options.concurrency()));
        seeder.seed(0, options.users());

        Scenarios scenarios = new Scenarios(http, options.realmUrl(), options.users(), options.concurrency());
        JsonNode key = scenarios.publicKey();
        ClientCrypto crypto = new ClientCrypto(key.get("publicKey").asText());
        List<Scenario> all = new ArrayList<>(List.of(scenarios.nativePasswordGrant(), scenarios.nativeClientCredentialsGrant()));
        all.addAll(scenarios.everyApi(crypto, key.get("keyRef").asText()));
        List<Measurement> measurements = measure(all);

        List<Report.Comparison> comparisons = limiterCost(scenarios, measurements);
        Report.Memory memory = memory(scenarios);
        List<Report.Scale> scales = scale(measurements);

        Report report = new Report("keycloak-fintech-login benchmark", options.command(), admin.serverVersion(),
                Report.Machine.current(), started, measurements, scales, memory, comparisons);
        String markdown = report.write(options.out());
        log.accept("Results in " + options.out().toAbsolutePath());
        return new Outcome(measurements, scales, memory, comparisons, markdown);
    }

    private List<Measurement> measure(List<Scenario> scenarios) {
        return new ClosedLoopMeasurement(http, options.concurrency(), options.warmup(), options.window(), log).measure(scenarios);
    }

    /**
     * The exact limiter's cost on passwords: the same grant and API with the realm's brute-force detection off, which
     * turns off both the limiter (it follows the realm) and Keycloak's own detector; the native grant shows what the
     * detector alone costs. PINs are always limited (a 4-digit PIN must never be unlimited), so they have no "off".
     */
    private List<Report.Comparison> limiterCost(Scenarios scenarios, List<Measurement> withLimiter) {
        boolean protectedBefore = admin.realm().path("bruteForceProtected").asBoolean(false);
        if (!protectedBefore) {
            log.accept("The realm has brute-force detection off: no limiter to compare with");
            return List.of();
        }
        admin.updateRealm(Map.of("bruteForceProtected", false));
        try {
            List<Measurement> off = measure(List.of(scenarios.nativePasswordGrant(), scenarios.emailPassword()));
            Measurement grantOff = off.get(0);
            Measurement apiOff = off.get(1);
            return List.of(
                    new Report.Comparison("Email/password API (seed 004): exact limiter and Keycloak's detector on / off",
                            find(withLimiter, "seed-004"), apiOff),
                    new Report.Comparison("Keycloak password grant: Keycloak's detector on / off",
                            find(withLimiter, "password-grant"), grantOff));
        } finally {
            admin.updateRealm(Map.of("bruteForceProtected", true));
        }
    }

    private Report.Memory memory(Scenarios scenarios) throws Exception {
        Optional<ServerHeap> heap = ServerHeap.serving(options.serverUrl());
        if (heap.isEmpty()) {
            log.accept("No local Keycloak process serving " + options.serverUrl() + " found: heap not measured");
            return null;
        }
        long before = heap.get().usedAfterFullGc();
        long logins = loginTimes(scenarios.pinLogin(), options.memoryLogins());
        long after = heap.get().usedAfterFullGc();
        log.accept(String.format("Heap after full GC: %d MiB before, %d MiB after %d PIN logins", before >> 20, after >> 20, logins));
        return new Report.Memory(logins, before, after,
                "jcmd GC.run, then GC.heap_info, before and after " + logins + " successful PIN logins (each keeps a user session until it expires)");
    }

    /** Sends {@code count} requests of a scenario from the usual number of workers; answers how many succeeded. */
    private long loginTimes(Scenario scenario, int count) throws Exception {
        AtomicLong next = new AtomicLong();
        AtomicLong succeeded = new AtomicLong();
        ExecutorService workers = Executors.newFixedThreadPool(options.concurrency());
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < options.concurrency(); w++) {
                int worker = w;
                done.add(workers.submit(() -> {
                    for (long n = next.getAndIncrement(); n < count; n = next.getAndIncrement()) {
                        if (sendOnce(scenario, worker, n)) {
                            succeeded.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            workers.shutdown();
        }
        return succeeded.get();
    }

    private boolean sendOnce(Scenario scenario, int worker, long sequence) {
        try {
            HttpResponse<String> response = http.send(LoadRunner.toHttpRequest(scenario.requests().next(worker, sequence)),
                    HttpResponse.BodyHandlers.ofString());
            return scenario.success().test(response.statusCode(), response.body());
        } catch (java.io.IOException failed) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private List<Report.Scale> scale(List<Measurement> small) throws Exception {
        if (options.scaleUsers() <= options.users()) {
            return List.of();
        }
        seeder.seed(options.users(), options.scaleUsers());
        Scenarios large = new Scenarios(http, options.realmUrl(), options.scaleUsers(), options.concurrency());
        List<Report.Scale> scales = new ArrayList<>();
        for (Measurement atScale : measure(List.of(large.mobileSignIn(), large.pinLogin()))) {
            Measurement atStart = find(small, atScale.id());
            scales.add(new Report.Scale(atScale.id(), atScale.label(), options.users(), atStart.p50Millis(),
                    options.scaleUsers(), atScale.p50Millis()));
        }
        return scales;
    }

    private static Measurement find(List<Measurement> measurements, String id) {
        return measurements.stream().filter(m -> m.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No measurement " + id));
    }

    static String usage() {
        return """
                Usage: bench [--url http://localhost:8080] [--realm demo] [--admin admin:admin] [--concurrency 8]
                             [--warmup-seconds 5] [--seconds 20] [--users 1000] [--scale-users 100000]
                             [--memory-logins 5000] [--out bench-results]
                """;
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.print(usage());
            return;
        }
        Options options = Options.parse(args);
        new Benchmark(options, System.out::println).run();
    }
}
