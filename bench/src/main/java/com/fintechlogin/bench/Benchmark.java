package com.fintechlogin.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One benchmark run against a Keycloak serving the demo realm with this project's JARs: seed users; measure
 * Keycloak's native grants and every API of the project side by side with wrk (same server, same concurrency, same
 * run), with the client-credentials grant also read by wrk alone and by the earlier Java generator, to show whether
 * the generator keeps up; the limiter's cost; what each login costs the database (PostgreSQL's statistics, when the
 * server's database is one we can read); a profile of every API that missed its target next to its baseline; the heap
 * after a fixed number of logins; and how mobile sign-in and PIN login cost grows from the first population to the
 * scale population. Then it writes the report.
 */
public final class Benchmark {

    /**
     * What to run and where; see {@link #usage()} for the command-line names.
     *
     * @param server      how the server runs and on which database, for the report's header
     * @param pgStats     Keycloak's PostgreSQL database as a JDBC URL with user and password, whose statistics give each
     *                    scenario's transactions and row writes per login; empty when the database is not one to read
     * @param dbLogins    logins counted per scenario for the database's figures
     * @param mostProfiles how many APIs that missed their targets are profiled, at most
     * @param budgetsOnly  measure only the caller budgets' on/off rounds ({@code --only budgets}): no other section,
     *                     no scale population; results in budgets.md and budgets.json beside a full run's
     */
    public record Options(String serverUrl, String realm, String adminUser, String adminPassword, int concurrency,
            Duration warmup, Duration window, int users, int scaleUsers, int memoryLogins, Path out, String command,
            String server, Optional<String> pgStats, int dbLogins, int mostProfiles, boolean budgetsOnly) {

        public static Options defaults(String serverUrl, Path out, String command) {
            return new Options(serverUrl, "demo", "admin", "admin", 8, Duration.ofSeconds(5), Duration.ofSeconds(30),
                    1_000, 100_000, 5_000, out, command, "a running server", Optional.empty(), 200, Integer.MAX_VALUE, false);
        }

        /** A seconds-long run that only proves every scenario and every part of the report still works. */
        public static Options smoke(String serverUrl, Path out) {
            return new Options(serverUrl, "demo", "admin", "admin", 2, Duration.ZERO, Duration.ofSeconds(1),
                    20, 40, 20, out, "smoke test", "the integration tests' server", Optional.empty(), 10, 1, false);
        }

        /** Options from command-line arguments ({@link #usage()}), over {@link #defaults}. */
        public static Options parse(String[] args) {
            return CommandLine.parse(args);
        }

        /** The same options against another server, with relative output paths resolved against {@code base}. */
        public Options on(String otherServerUrl, Path base, String otherCommand) {
            return new Options(otherServerUrl, realm, adminUser, adminPassword, concurrency, warmup, window, users,
                    scaleUsers, memoryLogins, out.isAbsolute() ? out : base.resolve(out).normalize(), otherCommand,
                    server, pgStats, dbLogins, mostProfiles, budgetsOnly);
        }

        /** The same options, saying how the server runs and, when it is PostgreSQL, where its statistics are. */
        public Options describing(String otherServer, Optional<String> otherPgStats) {
            return new Options(serverUrl, realm, adminUser, adminPassword, concurrency, warmup, window, users, scaleUsers,
                    memoryLogins, out, command, otherServer, otherPgStats, dbLogins, mostProfiles, budgetsOnly);
        }

        String realmUrl() {
            return serverUrl + "/realms/" + realm;
        }
    }

    /** What a run measured, and the Markdown it wrote. */
    public record Outcome(List<Measurement> measurements, Report.GeneratorCheck generator, List<Report.Scale> scales,
            Report.Memory memory, List<Report.Comparison> comparisons, Report.Database database,
            List<Report.Profile> profiles, List<Report.BudgetCost> budgets, String markdown) {
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

        Path work = Files.createTempDirectory("fintech-bench-");
        try {
            Optional<ServerHeap> server = ServerHeap.serving(options.serverUrl());
            WrkRun wrk = WrkRun.onPath(threadsFor(options.concurrency()), options.concurrency(), work);
            CpuWatch cpu = new CpuWatch(server.map(ServerHeap::pid), options.pgStats().isPresent());
            WrkMeasurement measurement = new WrkMeasurement(wrk, http, URI.create(options.serverUrl()), options.concurrency(),
                    options.warmup(), options.window(), cpu, work, log);

            Scenarios scenarios = new Scenarios(http, options.realmUrl(), options.users(), options.concurrency());
            JsonNode key = scenarios.publicKey();
            ClientCrypto crypto = new ClientCrypto(key.get("publicKey").asText());
            List<Scenario> all = new ArrayList<>(List.of(scenarios.nativePasswordGrant(), scenarios.nativeClientCredentialsGrant()));
            all.addAll(scenarios.everyApi(crypto, key.get("keyRef").asText()));
            // Keycloak's client-credentials grant checks no user's credential: no budget counts it.
            List<Scenario> payingBudgets = all.stream()
                    .filter(s -> !s.id().equals(Scenarios.CLIENT_CREDENTIALS_GRANT)).toList();
            if (options.budgetsOnly()) {
                List<Report.BudgetCost> budgets = budgetCost(payingBudgets, measurement);
                Report.Run run = new Report.Run("keycloak-fintech-login benchmark: caller budgets on/off", options.command(),
                        admin.serverVersion(), Report.Machine.current(), started, options.server(), measurement.describe());
                String markdown = Report.budgetsOnly(run, budgets).writeBudgets(options.out());
                log.accept("Results in " + options.out().resolve(Report.BUDGETS_MARKDOWN_FILE).toAbsolutePath() + " after "
                        + Duration.between(started, Instant.now()).toSeconds() + " s");
                failUnlessClean(budgets);
                return new Outcome(List.of(), null, List.of(), null, List.of(), null, List.of(), budgets, markdown);
            }
            List<Measurement> measurements = measurement.measure(all.stream().map(Benchmark::replayed).toList());
            phase("Seeding and the rounds", started);
            Instant phase = Instant.now();
            Report.GeneratorCheck generator = generatorCheck(scenarios.nativeClientCredentialsGrant(), measurement,
                    find(measurements, Scenarios.CLIENT_CREDENTIALS_GRANT));
            phase = phase("The generator check", phase);
            List<Report.Comparison> comparisons = limiterCost(scenarios, measurement, measurements);
            phase = phase("The limiter's cost", phase);
            List<Report.BudgetCost> budgets = budgetCost(payingBudgets, measurement);
            phase = phase("The caller budgets' cost", phase);
            Report.Database database = options.pgStats().isPresent() ? databaseWork(all, options.pgStats().get()) : null;
            phase = phase("The database's statistics", phase);
            List<Report.Profile> profiles = server.isPresent()
                    ? profiles(Verdict.of(measurements), all, measurement, new ServerProfile(server.get().pid(), work))
                    : List.of();
            phase = phase("The profiles", phase);
            Report.Memory memory = memory(server, scenarios);
            phase = phase("The heap", phase);
            List<Report.Scale> scales = scale(measurements, measurement);
            phase("Seeding and measuring the scale population", phase);

            Report.Run run = new Report.Run("keycloak-fintech-login benchmark", options.command(), admin.serverVersion(),
                    Report.Machine.current(), started, options.server(), measurement.describe());
            Report report = new Report(run, measurements, generator, scales, memory, comparisons, database, profiles, budgets);
            String markdown = report.write(options.out());
            log.accept("Results in " + options.out().toAbsolutePath() + " after "
                    + Duration.between(started, Instant.now()).toSeconds() + " s");
            return new Outcome(measurements, generator, scales, memory, comparisons, database, profiles, budgets, markdown);
        } finally {
            deleteTree(work);
        }
    }

    /** Logs how long a part of the run took; answers now, the start of the next part. */
    private Instant phase(String what, Instant since) {
        Instant now = Instant.now();
        log.accept(what + " took " + Duration.between(since, now).toSeconds() + " s");
        return now;
    }

    /** wrk's threads: as many as the machine has cores, each holding the same number of connections. */
    static int threadsFor(int connections) {
        int threads = Math.min(Runtime.getRuntime().availableProcessors(), connections);
        while (connections % threads != 0) {
            threads--;
        }
        return threads;
    }

    /**
     * The client-credentials grant, the fastest scenario, read by the benchmark's generator, by wrk alone and by the
     * Java closed-loop runner in rounds of their own, one after the other: each window follows one of the same
     * grant, so none is favoured by what ran before it (after a password-hash scenario the server is still collecting
     * its garbage). The grant's figure in the main rounds goes beside them.
     */
    private Report.GeneratorCheck generatorCheck(Scenario clientCredentials, WrkMeasurement measurement, Measurement inRounds) {
        log.accept("The generator check: " + clientCredentials.label() + " by three generators in turn");
        List<Measurement> check = measurement.measure(List.of(
                replayed(renamed(clientCredentials, "generator", "the benchmark's generator")),
                new WrkMeasurement.Load(renamed(clientCredentials, "wrk-alone", "wrk alone"), WrkMeasurement.Generator.WRK_FIXED),
                new WrkMeasurement.Load(renamed(clientCredentials, "java-closed-loop", "Java closed loop"),
                        WrkMeasurement.Generator.JAVA_CLOSED_LOOP)));
        return new Report.GeneratorCheck(check.get(1), check.get(0), check.get(2), inRounds);
    }

    private static WrkMeasurement.Load replayed(Scenario scenario) {
        return new WrkMeasurement.Load(scenario, WrkMeasurement.Generator.WRK_REPLAY);
    }

    private static Scenario renamed(Scenario scenario, String idSuffix, String by) {
        return new Scenario(scenario.id() + "@" + idSuffix, scenario.label() + " (" + by + ")", scenario.target(),
                scenario.requests(), scenario.success(), scenario.singleUse());
    }

    /**
     * The exact limiter's cost on passwords: the same grant and API with the realm's brute-force detection off, which
     * turns off both the limiter (it follows the realm) and Keycloak's own detector; the native grant shows what the
     * detector alone costs. PINs are always limited (a 4-digit PIN must never be unlimited), so they have no "off".
     */
    private List<Report.Comparison> limiterCost(Scenarios scenarios, WrkMeasurement measurement, List<Measurement> withLimiter) {
        boolean protectedBefore = admin.realm().path("bruteForceProtected").asBoolean(false);
        if (!protectedBefore) {
            log.accept("The realm has brute-force detection off: no limiter to compare with");
            return List.of();
        }
        admin.updateRealm(Map.of("bruteForceProtected", false));
        try {
            List<Measurement> off = measurement.measure(Stream.of(scenarios.nativePasswordGrant(), scenarios.emailPassword())
                    .map(Benchmark::replayed).toList());
            return List.of(
                    new Report.Comparison("Email/password API: exact limiter and Keycloak's detector on / off",
                            find(withLimiter, "email-password"), off.get(1)),
                    new Report.Comparison("Keycloak password grant: Keycloak's detector on / off",
                            find(withLimiter, Scenarios.PASSWORD_GRANT), off.get(0)));
        } finally {
            admin.updateRealm(Map.of("bruteForceProtected", true));
        }
    }

    /**
     * What the caller budgets cost each scenario that pays them: per scenario, after its warmup, as many pairs of
     * rounds as the main rounds have windows per scenario, in {@link CallerBudgetToggle#order}'s order (on, off, off,
     * on, on, off), each round after the usual settling load with the setting just made (see {@link CallerBudgetToggle} for the two settings). A round with errors ends its scenario's rounds: its row fails
     * without a ratio and the run goes on with the next. The realm's own budget settings are put back at the end,
     * whatever happened.
     */
    private List<Report.BudgetCost> budgetCost(List<Scenario> scenarios, WrkMeasurement measurement) {
        CallerBudgetToggle budgets = new CallerBudgetToggle(admin);
        Map<String, String> before = budgets.current();
        List<Report.BudgetCost> costs = new ArrayList<>();
        try {
            for (Scenario scenario : scenarios) {
                log.accept("Caller budgets on/off: " + scenario.label());
                WrkMeasurement.Load load = replayed(scenario);
                budgets.set(true);
                measurement.warmUp(load);
                List<Measurement> on = new ArrayList<>();
                List<Measurement> off = new ArrayList<>();
                for (boolean setting : CallerBudgetToggle.order(measurement.rounds())) {
                    if (!budgetRound(budgets, setting, load, measurement, setting ? on : off)) {
                        break;
                    }
                }
                Report.BudgetCost cost = new Report.BudgetCost(scenario.id(), scenario.label(), on, off);
                log.accept(String.format("  %-44s on %8.1f req/s  off %8.1f req/s  ratio %s  %s", scenario.label(),
                        cost.onPerSecond(), cost.offPerSecond(), Format.closeRatio(cost.ratio()), cost.met() ? "met" : "NOT MET"));
                costs.add(cost);
            }
        } finally {
            budgets.restore(before);
        }
        return costs;
    }

    /** One round with budgets on or off, added to {@code rounds}; answers whether it had no errors. */
    private boolean budgetRound(CallerBudgetToggle budgets, boolean on, WrkMeasurement.Load load, WrkMeasurement measurement,
            List<Measurement> rounds) {
        budgets.set(on);
        // Every round from a realm without user sessions: mobile sign-in, PIN and device login leave one each, and
        // rounds after tens of thousands of them are slower whatever the setting (in one run device login's CPU per
        // login rose by a quarter over its six rounds), a drift the order of the rounds does not take out.
        admin.endUserSessions();
        Measurement round = measurement.settledRound(load);
        rounds.add(round);
        log.accept(String.format("    budgets %-3s %8.1f req/s  p50 %6.1f ms  errors %d%s", on ? "on" : "off",
                round.perSecond(), round.p50Millis(), round.errors(),
                round.firstErrors().isEmpty() ? "" : "  first: " + round.firstErrors().get(0)));
        if (round.errors() == 0) {
            return true;
        }
        boolean refused = on && Report.BudgetCost.refused(round);
        log.accept("    " + (refused ? "REFUSED with budgets on (HTTP 429): the \"on\" setting turned the load away; "
                : "errors: ") + "no ratio for " + load.scenario().label());
        return false;
    }

    /** A run of the budgets' rounds alone fails, after writing its results, when a row had errors. */
    private static void failUnlessClean(List<Report.BudgetCost> budgets) {
        List<String> broken = budgets.stream().filter(b -> b.errors() > 0).map(Report.BudgetCost::label).toList();
        if (!broken.isEmpty()) {
            throw new IllegalStateException("Caller budgets on/off: rounds with errors, no ratio for " + broken);
        }
    }

    /**
     * Each scenario's transactions and row writes per login, from PostgreSQL's statistics over {@code dbLogins}
     * successful logins (sent by the usual number of workers), the grants beside the APIs.
     */
    private Report.Database databaseWork(List<Scenario> scenarios, String jdbcUrl) throws Exception {
        try (PostgresStatistics statistics = new PostgresStatistics(jdbcUrl)) {
            log.accept("Database work per login: PostgreSQL's statistics over " + options.dbLogins() + " logins each");
            PostgresStatistics.Delta idle = statistics.idle(Duration.ofSeconds(10));
            List<Report.DatabaseWork> rows = new ArrayList<>();
            // One scenario's "after" is the next one's "before": one settling per scenario, after its logins.
            PostgresStatistics.Snapshot before = statistics.snapshot();
            for (Scenario scenario : scenarios) {
                Logins logins = loginTimes(scenario, options.dbLogins());
                statistics.settle();
                PostgresStatistics.Snapshot after = statistics.snapshot();
                PostgresStatistics.Delta delta = statistics.between(before, after);
                before = after;
                Report.DatabaseWork work = new Report.DatabaseWork(scenario.id(), scenario.label(), logins.succeeded(),
                        logins.failed(), delta.transactions(), delta.writes(), delta.tables());
                log.accept(String.format("  %-44s %5.2f transactions/login, %5.2f row writes/login: %s", scenario.label(),
                        work.perLogin(work.transactions()), work.perLogin(work.writes().total()), MarkdownReport.byTable(work)));
                rows.add(work);
            }
            return new Report.Database("PostgreSQL " + statistics.serverVersion() + ", database " + statistics.database()
                    + ", " + options.dbLogins() + " logins per scenario, " + options.concurrency() + " at a time", idle, rows);
        }
    }

    /**
     * A profile of every API that missed its target, and of the scenario it is judged against (each recorded once),
     * over one more window each.
     */
    private List<Report.Profile> profiles(List<Verdict> verdicts, List<Scenario> scenarios, WrkMeasurement measurement,
            ServerProfile profiler) {
        Map<String, Scenario> byId = new HashMap<>();
        scenarios.forEach(s -> byId.put(s.id(), s));
        Map<String, ServerProfile.Recorded<Measurement>> recorded = new HashMap<>();
        List<Report.Profile> profiles = new ArrayList<>();
        for (Verdict verdict : verdicts) {
            if (verdict.isBaseline() || verdict.met() || verdict.baseline() == null || profiles.size() >= options.mostProfiles()) {
                continue;
            }
            ServerProfile.Recorded<Measurement> api = profile(byId.get(verdict.measurement().id()), measurement, profiler, recorded);
            ServerProfile.Recorded<Measurement> baseline = profile(byId.get(verdict.baseline().id()), measurement, profiler, recorded);
            profiles.add(new Report.Profile(api.result(), baseline.result(), api.samples().samples(), baseline.samples().samples(),
                    ServerProfile.compare(api.samples(), baseline.samples())));
        }
        return profiles;
    }

    private ServerProfile.Recorded<Measurement> profile(Scenario scenario, WrkMeasurement measurement, ServerProfile profiler,
            Map<String, ServerProfile.Recorded<Measurement>> recorded) {
        return recorded.computeIfAbsent(scenario.id(), id -> {
            log.accept("Profiling " + scenario.label() + " (JFR) …");
            return profiler.record(id, () -> measurement.once(replayed(scenario), measurement.roundWindow()));
        });
    }

    private Report.Memory memory(Optional<ServerHeap> heap, Scenarios scenarios) throws Exception {
        if (heap.isEmpty()) {
            log.accept("No local Keycloak process serving " + options.serverUrl() + " found: heap not measured");
            return null;
        }
        long before = heap.get().usedAfterFullGc();
        long logins = loginTimes(scenarios.pinLogin(), options.memoryLogins()).succeeded();
        long after = heap.get().usedAfterFullGc();
        log.accept(String.format("Heap after full GC: %d MiB before, %d MiB after %d PIN logins", before >> 20, after >> 20, logins));
        return new Report.Memory(logins, before, after,
                "jcmd GC.run, then GC.heap_info, before and after " + logins + " successful PIN logins (each keeps a user session until it expires)");
    }

    /** How many logins of a counted batch succeeded and failed. */
    private record Logins(long succeeded, long failed) {
    }

    /** Sends {@code count} requests of a scenario from the usual number of workers, one at a time each. */
    private Logins loginTimes(Scenario scenario, int count) throws Exception {
        AtomicLong next = new AtomicLong();
        AtomicLong succeeded = new AtomicLong();
        ExecutorService workers = Executors.newFixedThreadPool(options.concurrency());
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < options.concurrency(); w++) {
                int worker = w;
                done.add(workers.submit(() -> {
                    // The worker's own sequence, so that it takes its users in turn as the load does.
                    long sequence = 0;
                    while (next.getAndIncrement() < count) {
                        if (sendOnce(scenario, worker, sequence++)) {
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
        return new Logins(succeeded.get(), count - succeeded.get());
    }

    private boolean sendOnce(Scenario scenario, int worker, long sequence) {
        try {
            HttpResponse<String> response = http.send(LoadRunner.toHttpRequest(scenario.requests().next(worker, sequence)),
                    HttpResponse.BodyHandlers.ofString());
            return scenario.success().test(response.statusCode(), response.body());
        } catch (IOException failed) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Mobile sign-in and PIN login again after growing the population to {@code scaleUsers}: first straight after
     * seeding (most users not in Keycloak's user cache yet), then after every user logged in once, which is the figure
     * compared with the small population's (see {@link UserCacheWarm}). Each time the realm's user sessions are ended
     * first, as the small population's rounds began on a fresh server: otherwise the large windows would also carry
     * every session the run made before them (the warm pass alone makes one per user), and measure the session store's
     * size rather than the realm's.
     */
    private List<Report.Scale> scale(List<Measurement> small, WrkMeasurement measurement) throws Exception {
        if (options.scaleUsers() <= options.users()) {
            return List.of();
        }
        seeder.seed(options.users(), options.scaleUsers());
        Scenarios large = new Scenarios(http, options.realmUrl(), options.scaleUsers(), options.concurrency());
        List<WrkMeasurement.Load> loads = List.of(replayed(large.mobileSignIn()), replayed(large.pinLogin()));
        admin.endUserSessions();
        List<Measurement> cold = measurement.measure(loads);
        UserCacheWarm.Done warm = new UserCacheWarm(http, options.concurrency())
                .everyUserOnce(large.pinLoginOfEveryUser(), options.scaleUsers());
        log.accept(String.format("Every user logged in once: %d logins in %.0f s, %d failed", warm.logins(),
                warm.seconds(), warm.failures()));
        if (warm.failures() > warm.logins() / 1000) {
            throw new IllegalStateException(warm.failures() + " of the " + warm.logins()
                    + " PIN logins that fill the user cache failed: the scale figures would not compare like with like");
        }
        List<Report.Scale> scales = new ArrayList<>();
        admin.endUserSessions();
        List<Measurement> warmed = measurement.measure(loads);
        for (int i = 0; i < warmed.size(); i++) {
            Measurement atScale = warmed.get(i);
            Measurement atStart = find(small, atScale.id());
            scales.add(new Report.Scale(atScale.id(), atScale.label(), options.users(), atStart.p50Millis(),
                    options.scaleUsers(), atScale.p50Millis(), cold.get(i).p50Millis()));
        }
        return scales;
    }

    private static Measurement find(List<Measurement> measurements, String id) {
        return measurements.stream().filter(m -> m.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No measurement " + id));
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + root, e);
        }
    }

    static String usage() {
        return """
                Usage: bench [--url http://localhost:8080] [--realm demo] [--admin admin:admin] [--concurrency 8]
                             [--warmup-seconds 5] [--seconds 30] [--users 1000] [--scale-users 100000]
                             [--memory-logins 5000] [--out bench-results/h2, with --pg-stats bench-results/postgres]
                             [--pg-stats jdbc:postgresql://HOST:5432/DB?user=U&password=P] [--db-logins 200]
                             [--server "how the server runs, for the report"]
                             [--only budgets: the caller budgets' on/off rounds alone, into budgets.md]
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
