package com.fintechlogin.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Results of one benchmark run and where they go: {@code results.md} for people, {@code results.json} for tools and
 * {@code throughput-ratios.png} for a glance. All three are written from the same data in one call, so that they
 * always describe the same run.
 */
public final class Report {

    static final String MARKDOWN_FILE = "results.md";
    static final String JSON_FILE = "results.json";
    static final String CHART_FILE = "throughput-ratios.png";
    static final String BUDGETS_MARKDOWN_FILE = "budgets.md";
    static final String BUDGETS_JSON_FILE = "budgets.json";

    /** The machine the run was made on, as one line; ratios travel between machines, absolute numbers do not. */
    public record Machine(String description) {

        public Machine {
            Objects.requireNonNull(description, "description");
        }

        /** This JVM's machine, e.g. {@code "2 cores, 24 GiB, Linux 6.8.0, OpenJDK 64-Bit Server VM 25.0.1"}. */
        public static Machine current() {
            long memory = ManagementFactory.getOperatingSystemMXBean()
                    instanceof com.sun.management.OperatingSystemMXBean os ? os.getTotalMemorySize() : -1;
            String memoryText = memory > 0
                    ? String.format(Locale.ROOT, "%d GiB", Math.max(1, Math.round(memory / (1024.0 * 1024 * 1024))))
                    : "memory unknown";
            return new Machine(Runtime.getRuntime().availableProcessors() + " cores, " + memoryText + ", "
                    + System.getProperty("os.name") + " " + System.getProperty("os.version") + ", "
                    + System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        }
    }

    /**
     * How the numbers were made, for the report's header.
     *
     * @param command the exact command that produced the run, so that a reader can repeat it
     * @param server  how Keycloak ran and on which database, e.g. "start --optimized, PostgreSQL 15.18"
     * @param load    the generator and its shape, e.g. "wrk 4.1.0, 2 threads, 8 connections, closed loop"
     */
    public record Run(String title, String command, String keycloakVersion, Machine machine, Instant started,
            String server, String load) {

        public Run {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(command, "command");
            Objects.requireNonNull(keycloakVersion, "keycloakVersion");
            Objects.requireNonNull(machine, "machine");
            Objects.requireNonNull(started, "started");
            Objects.requireNonNull(server, "server");
            Objects.requireNonNull(load, "load");
        }
    }

    /**
     * Whether the generator, not the server, sets the figures: the client-credentials grant, the fastest thing
     * measured, read in rounds of their own by the benchmark's generator (wrk replaying requests built beforehand and
     * checking every answer), by wrk alone (a fixed request, nothing per request in Lua) and, for comparison, by the
     * Java closed-loop runner the benchmark used before; and the grant's figure in the benchmark's own rounds.
     *
     * @param javaClosedLoop {@code null} when not measured
     * @param inRounds       the client-credentials baseline of the main rounds; {@code null} when not measured
     */
    public record GeneratorCheck(Measurement wrkAlone, Measurement generator, Measurement javaClosedLoop,
            Measurement inRounds) {

        /** The benchmark's generator must read at least this share of what wrk alone reads from the same server. */
        public static final double TARGET = 0.9;

        public GeneratorCheck {
            Objects.requireNonNull(wrkAlone, "wrkAlone");
            Objects.requireNonNull(generator, "generator");
        }

        /** Generator / wrk alone. */
        public double ratio() {
            return Verdict.ratio(generator.perSecond(), wrkAlone.perSecond());
        }

        /** The ratio reaches {@link #TARGET} and neither had errors. */
        public boolean met() {
            return ratio() >= TARGET && generator.errors() == 0 && wrkAlone.errors() == 0;
        }
    }

    /**
     * Whether login latency stays flat as the realm grows: the same API measured with a small and a large number of
     * users, each with Keycloak's user cache holding the population (the small one after the warmup, the large one
     * after each user logged in once). The lookups go through indexed attribute searches, so the large realm should
     * cost at most 20 % more. {@code coldP50Millis} is the large population straight after seeding, before that
     * pass: what the first logins after a restart pay, reported, not judged.
     */
    public record Scale(String id, String label, int smallUsers, double smallP50Millis, int largeUsers,
            double largeP50Millis, double coldP50Millis) {

        /** The highest acceptable {@link #ratio()}. */
        public static final double TARGET = 1.2;

        public Scale {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(label, "label");
        }

        /** Large p50 / small p50; NaN when the small p50 is not positive. */
        public double ratio() {
            return Verdict.ratio(largeP50Millis, smallP50Millis);
        }

        /** Whether {@link #ratio()} is at most {@link #TARGET}. */
        public boolean met() {
            return ratio() <= TARGET;
        }
    }

    /**
     * Heap the server keeps after a number of logins, to show that logins leave nothing behind in the JVM (state
     * lives in Keycloak's stores, not in maps of the extension).
     *
     * @param how how the heap was measured, e.g. {@code "jcmd GC.run then GC.heap_info"}
     */
    public record Memory(long logins, long heapUsedBeforeBytes, long heapUsedAfterBytes, String how) {

        public Memory {
            Objects.requireNonNull(how, "how");
        }

        /** After minus before; negative when a collection freed more than the logins kept. */
        public long deltaBytes() {
            return heapUsedAfterBytes - heapUsedBeforeBytes;
        }
    }

    /**
     * The cost of one feature: the same API measured with and without it (e.g. the attempt limiter), so that the
     * report can say what the feature costs rather than leave it hidden in a ratio to Keycloak.
     */
    public record Comparison(String label, Measurement with, Measurement without) {

        public Comparison {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(with, "with");
            Objects.requireNonNull(without, "without");
        }

        /** Throughput with / without the feature; NaN when nothing was measured without it. */
        public double ratio() {
            return Verdict.ratio(with.perSecond(), without.perSecond());
        }
    }

    /**
     * What the caller budgets cost one scenario: its rounds with the realm's budgets on (set high enough never to
     * refuse the benchmark's load, so that they count every request without turning any away) and off, interleaved on
     * the same server in the same run. Throughput is the mean of the rounds' own, latency the median of their p50s.
     * A round with errors makes the row fail without a ratio: errors are faster or slower than logins, and an HTTP 429
     * with budgets on means the "on" setting refused the load it should only have counted.
     *
     * @param on  the rounds with budgets on, in the order run
     * @param off the rounds with budgets off, in the order run
     */
    public record BudgetCost(String id, String label, List<Measurement> on, List<Measurement> off) {

        /** Budgets on must keep at least this share of the throughput with them off (issue 21: they cost ≤ 5 %). */
        public static final double TARGET = 0.95;

        public BudgetCost {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(label, "label");
            on = List.copyOf(on);
            off = List.copyOf(off);
        }

        /** Mean requests per second of the rounds with budgets on; NaN without rounds. */
        public double onPerSecond() {
            return on.stream().mapToDouble(Measurement::perSecond).average().orElse(Double.NaN);
        }

        /** Mean requests per second of the rounds with budgets off; NaN without rounds. */
        public double offPerSecond() {
            return off.stream().mapToDouble(Measurement::perSecond).average().orElse(Double.NaN);
        }

        public double onP50Millis() {
            return Rounds.median(on.stream().mapToDouble(Measurement::p50Millis).toArray());
        }

        public double offP50Millis() {
            return Rounds.median(off.stream().mapToDouble(Measurement::p50Millis).toArray());
        }

        /** Errors over all rounds, both settings. */
        public long errors() {
            return Stream.concat(on.stream(), off.stream()).mapToLong(Measurement::errors).sum();
        }

        /** Whether a round with budgets on was answered HTTP 429: the budgets refused what they should only count. */
        public boolean refusedOn() {
            return on.stream().anyMatch(BudgetCost::refused);
        }

        /** Whether {@code round} was answered HTTP 429, as the budgets refuse a caller over one. */
        static boolean refused(Measurement round) {
            return round.firstErrors().stream().anyMatch(e -> e.startsWith("HTTP 429"));
        }

        /** On / off; NaN when a round had errors or a setting has no rounds, so that no ratio stands for a broken row. */
        public double ratio() {
            return errors() == 0 ? Verdict.ratio(onPerSecond(), offPerSecond()) : Double.NaN;
        }

        /** Both settings measured, no errors, and {@link #ratio()} at least {@link #TARGET}. */
        public boolean met() {
            return !on.isEmpty() && !off.isEmpty() && ratio() >= TARGET;
        }

        /** The first error of the rounds, budgets on first; empty when there was none. */
        public Optional<String> firstError() {
            return Stream.concat(on.stream(), off.stream()).flatMap(m -> m.firstErrors().stream()).findFirst();
        }
    }

    /**
     * What a counted number of logins of one scenario cost the database, from its own statistics.
     *
     * @param logins       successful logins counted
     * @param errors       logins that failed (their work is in the figures too, so a row with errors is suspect)
     * @param transactions transactions committed or rolled back in Keycloak's database meanwhile
     * @param byTable      rows inserted + updated + deleted, per table written
     */
    public record DatabaseWork(String id, String label, long logins, long errors, long transactions,
            PostgresStatistics.Writes writes, Map<String, PostgresStatistics.Writes> byTable) {

        public DatabaseWork {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(label, "label");
            byTable = Map.copyOf(byTable);
        }

        double perLogin(long count) {
            return logins > 0 ? count / (double) logins : Double.NaN;
        }
    }

    /**
     * The database part of the report: which database, what it does while Keycloak idles (in every row too, and small
     * next to a login), and each scenario's work.
     */
    public record Database(String description, PostgresStatistics.Delta idle, List<DatabaseWork> rows) {

        public Database {
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(idle, "idle");
            rows = List.copyOf(rows);
        }
    }

    /**
     * Where one scenario's server time goes, next to the scenario it is judged against: the CPU each spends per login
     * (server and database, from process accounting over a window) and the share of the server's sampled Java time in
     * each bucket of {@link ProfileBuckets}.
     */
    public record Profile(Measurement api, Measurement baseline, long apiSamples, long baselineSamples,
            List<ProfileRow> rows) {

        public Profile {
            Objects.requireNonNull(api, "api");
            Objects.requireNonNull(baseline, "baseline");
            rows = List.copyOf(rows);
        }
    }

    /**
     * One line of a profile: what the time went to, whose code asked for it, the frame that most often stood for it,
     * and the share of each recording's samples.
     *
     * @param owner {@code extension} (the project can change it), {@code Keycloak} (spent whoever calls Keycloak) or
     *              {@code server} (HTTP, REST layer, JDK)
     */
    public record ProfileRow(String activity, String owner, String frame, double apiShare, double baselineShare) {
    }

    private final Run run;
    private final List<Measurement> measurements;
    private final GeneratorCheck generator;
    private final List<Scale> scales;
    private final Memory memory;
    private final List<Comparison> comparisons;
    private final Database database;
    private final List<Profile> profiles;
    private final List<BudgetCost> budgets;

    /**
     * @param generator {@code null} when the generator was not checked
     * @param memory    {@code null} when the heap was not measured
     * @param database  {@code null} when the database's statistics were not read (an H2 inside the server)
     */
    public Report(Run run, List<Measurement> measurements, GeneratorCheck generator, List<Scale> scales, Memory memory,
            List<Comparison> comparisons, Database database, List<Profile> profiles, List<BudgetCost> budgets) {
        this.run = Objects.requireNonNull(run, "run");
        this.measurements = List.copyOf(measurements);
        this.generator = generator;
        this.scales = scales == null ? List.of() : List.copyOf(scales);
        this.memory = memory;
        this.comparisons = comparisons == null ? List.of() : List.copyOf(comparisons);
        this.database = database;
        this.profiles = profiles == null ? List.of() : List.copyOf(profiles);
        this.budgets = budgets == null ? List.of() : List.copyOf(budgets);
    }

    /**
     * A report of the caller budgets' rounds alone ({@code --only budgets}): written by {@link #writeBudgets} beside a
     * full run's results, which it leaves as they are.
     */
    public static Report budgetsOnly(Run run, List<BudgetCost> budgets) {
        return new Report(run, List.of(), null, List.of(), null, List.of(), null, List.of(), budgets);
    }

    /** Writes results.md, results.json and throughput-ratios.png into dir (created if needed); returns the Markdown. */
    public String write(Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Verdict> verdicts = Verdict.of(measurements);
        String markdown = MarkdownReport.render(this, verdicts);
        Files.writeString(dir.resolve(MARKDOWN_FILE), markdown);
        Files.write(dir.resolve(JSON_FILE), JsonReport.render(this, verdicts));
        Files.write(dir.resolve(CHART_FILE), RatioChart.png(run.title(), verdicts));
        return markdown;
    }

    /**
     * Writes budgets.md and budgets.json into dir (created if needed): the run's header and the caller budgets'
     * section only, beside a full run's results.md, which stays as it is; returns the Markdown.
     */
    public String writeBudgets(Path dir) throws IOException {
        Files.createDirectories(dir);
        String markdown = MarkdownReport.renderBudgets(this);
        Files.writeString(dir.resolve(BUDGETS_MARKDOWN_FILE), markdown);
        Files.write(dir.resolve(BUDGETS_JSON_FILE), JsonReport.renderBudgets(this));
        return markdown;
    }

    Run run() {
        return run;
    }

    List<Measurement> measurements() {
        return measurements;
    }

    /** {@code null} when the generator was not checked. */
    GeneratorCheck generator() {
        return generator;
    }

    List<Scale> scales() {
        return scales;
    }

    /** {@code null} when the heap was not measured. */
    Memory memory() {
        return memory;
    }

    List<Comparison> comparisons() {
        return comparisons;
    }

    /** {@code null} when the database's statistics were not read. */
    Database database() {
        return database;
    }

    List<Profile> profiles() {
        return profiles;
    }

    List<BudgetCost> budgets() {
        return budgets;
    }
}
