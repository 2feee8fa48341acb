package com.fintechlogin.bench;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Renders a {@link Report} as Markdown: the header says how the numbers were made (machine, version, server, load,
 * command), the tables say what they are and whether each target is met, and the later sections say whether the
 * generator could keep up, what each login cost the database, and where the time of a scenario that missed its
 * target goes.
 */
final class MarkdownReport {

    private static final String NONE = "—";
    /** Tables written less than this per login are left out of the "by table" column. */
    private static final double TABLE_SHOWN_FROM = 0.01;

    private MarkdownReport() {
    }

    static String render(Report report, List<Verdict> verdicts) {
        StringBuilder md = new StringBuilder();
        header(md, report);
        measurements(md, verdicts);
        errors(md, verdicts);
        generator(md, report.generator());
        database(md, report.database());
        profiles(md, report.profiles(), verdicts);
        scales(md, report.scales());
        memory(md, report.memory());
        comparisons(md, report.comparisons());
        budgets(md, report.budgets());
        return md.toString();
    }

    /** The header and the caller budgets' section alone, for a run of that section only. */
    static String renderBudgets(Report report) {
        StringBuilder md = new StringBuilder();
        header(md, report);
        budgets(md, report.budgets());
        return md.toString();
    }

    private static void header(StringBuilder md, Report report) {
        Report.Run run = report.run();
        md.append("# ").append(run.title()).append("\n\n");
        md.append("- Date: ").append(Format.utc(run.started())).append('\n');
        md.append("- Machine: ").append(run.machine().description()).append('\n');
        md.append("- Keycloak: ").append(run.keycloakVersion()).append(", ").append(run.server()).append('\n');
        md.append("- Load: ").append(run.load()).append('\n');
        md.append("- Command: `").append(run.command().replace("`", "'")).append("`\n\n");
    }

    private static void measurements(StringBuilder md, List<Verdict> verdicts) {
        md.append("## Throughput and latency\n\n");
        md.append("Each API's throughput is divided by that of the scenario it is judged against, measured on the same ");
        md.append("server in the same run: the password-based APIs by Keycloak's password grant, mobile sign-in and ");
        md.append("Get Token by Keycloak's client-credentials grant, PIN and device login by mobile sign-in (the same ");
        md.append("app-token login without the PIN or the device proof). An API meets its target only if it had no ");
        md.append("errors and neither had the scenario it is judged against. CPU: the share of the machine's cores the ");
        md.append("server, the database and the load generator used during the windows (a dash: not watched).\n\n");
        md.append(row("API", "judged against", "req/s", "p50 ms", "p95 ms", "p99 ms", "errors", "ratio", "target",
                "met?", "CPU % server / db / generator"));
        md.append("|---|---|---:|---:|---:|---:|---:|---:|---|---|---:|\n");
        for (Verdict verdict : verdicts) {
            Measurement m = verdict.measurement();
            String judgedAgainst;
            String ratio;
            String met;
            if (verdict.isBaseline()) {
                judgedAgainst = NONE;
                ratio = NONE;
                met = verdict.met() ? NONE : "NO (errors)";
            } else {
                judgedAgainst = verdict.baseline() == null
                        ? m.target().orElseThrow().baselineId() + " (not measured)"
                        : verdict.baseline().label();
                ratio = Format.ratio(verdict.ratio());
                met = verdict.met() ? "yes" : "NO";
            }
            String target = verdict.target().isPresent() ? "≥ " + Format.ratio(verdict.target().getAsDouble()) : NONE;
            md.append(row(m.label(), judgedAgainst, Format.perSecond(m.perSecond()), Format.millis(m.p50Millis()),
                    Format.millis(m.p95Millis()), Format.millis(m.p99Millis()), String.valueOf(m.errors()), ratio,
                    target, met, cpu(m.cpu())));
        }
        md.append("\n![Throughput ratio of each API to the scenario it is judged against](").append(Report.CHART_FILE)
                .append(")\n\n");
    }

    static String cpu(CpuShares cpu) {
        return Format.percentNumber(cpu.server()) + " / " + Format.percentNumber(cpu.database()) + " / "
                + Format.percentNumber(cpu.generator());
    }

    private static void errors(StringBuilder md, List<Verdict> verdicts) {
        List<Measurement> failing = verdicts.stream().map(Verdict::measurement).filter(m -> m.errors() > 0).toList();
        if (failing.isEmpty()) {
            return;
        }
        md.append("### First errors\n\n");
        for (Measurement m : failing) {
            md.append("- ").append(cell(m.label())).append(" (").append(m.errors()).append(" errors):\n");
            for (String error : m.firstErrors()) {
                md.append("  - `").append(error.replaceAll("[\\r\\n`]+", " ")).append("`\n");
            }
        }
        md.append('\n');
    }

    private static void generator(StringBuilder md, Report.GeneratorCheck check) {
        md.append("## Load generator\n\n");
        if (check == null) {
            md.append("Not checked.\n\n");
            return;
        }
        md.append("Is the generator, not the server, what limits the figures? The fastest scenario, ")
                .append(check.generator().label().replaceAll(" \\(.*\\)$", ""))
                .append(", read from the same server in rounds of its own (each window after one of the same grant) by ")
                .append("the benchmark's generator (wrk replaying requests built beforehand, every answer checked by its ")
                .append("text), by wrk alone (one fixed request formatted once, no script per request or answer), and by ")
                .append("the Java generator the benchmark used before; last, the grant's figure in the benchmark's rounds, ")
                .append("where it follows the password grant:\n\n");
        md.append(row("generator", "req/s", "p50 ms", "errors", "CPU % server / db / generator", "÷ wrk alone"));
        md.append("|---|---:|---:|---:|---:|---:|\n");
        generatorRow(md, "wrk alone", check.wrkAlone(), check.wrkAlone());
        generatorRow(md, "the benchmark's generator: wrk replaying built requests", check.generator(), check.wrkAlone());
        if (check.javaClosedLoop() != null) {
            generatorRow(md, "Java closed loop (the generator before; its CPU is the benchmark's JVM)",
                    check.javaClosedLoop(), check.wrkAlone());
        }
        if (check.inRounds() != null) {
            generatorRow(md, "the benchmark's generator, in the benchmark's rounds (the baseline above)", check.inRounds(),
                    check.wrkAlone());
        }
        md.append("\nThe benchmark's generator reads ").append(Format.ratio(check.ratio()))
                .append(" × what wrk alone reads (at least ").append(Format.ratio(Report.GeneratorCheck.TARGET))
                .append(" needed): ")
                .append(check.met() ? "**the generator is not the bottleneck**." : "**NO: the generator limits the figures**.")
                .append(" Its CPU share is beside every figure above.\n\n");
    }

    private static void generatorRow(StringBuilder md, String name, Measurement m, Measurement wrkAlone) {
        md.append(row(name, Format.perSecond(m.perSecond()), Format.millis(m.p50Millis()), String.valueOf(m.errors()),
                cpu(m.cpu()), Format.ratio(Verdict.ratio(m.perSecond(), wrkAlone.perSecond()))));
    }

    private static void database(StringBuilder md, Report.Database database) {
        md.append("## Database work per login\n\n");
        if (database == null) {
            md.append("Not measured: the benchmark reads PostgreSQL's statistics, and this server's database is not a ")
                    .append("PostgreSQL it was given (`--pg-stats`).\n\n");
            return;
        }
        PostgresStatistics.Delta idle = database.idle();
        md.append(database.description()).append(": PostgreSQL's own statistics (`pg_stat_database`: transactions ")
                .append("committed and rolled back; `pg_stat_user_tables`: rows inserted, updated, deleted) read before and ")
                .append("after a counted number of successful logins of each scenario, the reading 12 s after the last ")
                .append("login (an idle backend reports its counts 10 s late), the reader's own transaction taken out. ")
                .append("Whoever wrote them: the extension, Keycloak's sessions, events and brute-force records. Idle, the ")
                .append("server did ").append(Format.ratio(idle.transactions() / idle.seconds())).append(" transactions and ")
                .append(Format.ratio(idle.writes().total() / idle.seconds()))
                .append(" row writes a second (autovacuum, the cluster's discovery table): in every row too, and small next ")
                .append("to a login.\n\n");
        md.append(row("scenario", "logins", "transactions / login", "rows inserted / login", "updated / login",
                "deleted / login", "written per login, by table"));
        md.append("|---|---:|---:|---:|---:|---:|---|\n");
        for (Report.DatabaseWork work : database.rows()) {
            String logins = work.logins() + (work.errors() > 0 ? " (" + work.errors() + " errors)" : "");
            md.append(row(work.label(), logins, Format.perLogin(work.perLogin(work.transactions())),
                    Format.perLogin(work.perLogin(work.writes().inserted())),
                    Format.perLogin(work.perLogin(work.writes().updated())),
                    Format.perLogin(work.perLogin(work.writes().deleted())), byTable(work)));
        }
        md.append('\n');
    }

    /** e.g. {@code offline_user_session 1.00 ins; fintech_credential_attempt 1.00 upd}, most written first. */
    static String byTable(Report.DatabaseWork work) {
        String tables = work.byTable().entrySet().stream()
                .filter(e -> work.perLogin(e.getValue().total()) >= TABLE_SHOWN_FROM)
                .sorted(Comparator.comparingLong((Map.Entry<String, PostgresStatistics.Writes> e) -> -e.getValue().total())
                        .thenComparing(Map.Entry::getKey))
                .map(e -> e.getKey() + " " + writes(work, e.getValue()))
                .collect(Collectors.joining("; "));
        return tables.isEmpty() ? NONE : tables;
    }

    private static String writes(Report.DatabaseWork work, PostgresStatistics.Writes writes) {
        StringBuilder text = new StringBuilder();
        append(text, work.perLogin(writes.inserted()), "ins");
        append(text, work.perLogin(writes.updated()), "upd");
        append(text, work.perLogin(writes.deleted()), "del");
        return text.toString();
    }

    private static void append(StringBuilder text, double perLogin, String what) {
        if (Math.abs(perLogin) >= TABLE_SHOWN_FROM / 2) {
            text.append(text.isEmpty() ? "" : ", ").append(Format.perLogin(perLogin)).append(' ').append(what);
        }
    }

    private static void profiles(StringBuilder md, List<Report.Profile> profiles, List<Verdict> verdicts) {
        md.append("## Where the time goes\n\n");
        if (profiles.isEmpty()) {
            md.append(verdicts.stream().allMatch(Verdict::met)
                    ? "Every target was met: no profile taken.\n\n"
                    : "Not profiled (the server is not a local process the benchmark can attach to).\n\n");
            return;
        }
        md.append("For each API that missed its target, one more window of it and of the scenario it is judged against, ")
                .append("each with the server recorded by Java Flight Recorder (stack samples of the running Java threads ")
                .append("every 10 ms). CPU per login is process accounting over the window. Each sample is counted once, ")
                .append("in the first of these that its stack shows: the work itself (password hash, RSA, HMAC, database, ")
                .append("JSON, caches), then the step it was done for, innermost first. \"Whose call\" is the code that ")
                .append("asked for the work: `extension` is what this project can change; `Keycloak` is what Keycloak spends ")
                .append("on the login whoever calls it (its user lookups, sessions, token building and signing, events); ")
                .append("`server` is HTTP, the REST layer and the JDK. ≈ ms per login is the share times the server's CPU ")
                .append("per login (samples see Java code only, not the garbage collector or the JIT, so it is an estimate).\n\n");
        for (Report.Profile profile : profiles) {
            Measurement api = profile.api();
            Measurement baseline = profile.baseline();
            double apiServer = cpuMillisPerLogin(api, api.cpu().server());
            double baselineServer = cpuMillisPerLogin(baseline, baseline.cpu().server());
            md.append("### ").append(api.label()).append(" vs ").append(baseline.label()).append("\n\n");
            md.append(row("", api.label(), baseline.label()));
            md.append("|---|---:|---:|\n");
            md.append(row("logins per second in this window", Format.perSecond(api.perSecond()),
                    Format.perSecond(baseline.perSecond())));
            md.append(row("server CPU per login, ms", Format.millis(apiServer), Format.millis(baselineServer)));
            md.append(row("database CPU per login, ms", Format.millis(cpuMillisPerLogin(api, api.cpu().database())),
                    Format.millis(cpuMillisPerLogin(baseline, baseline.cpu().database()))));
            md.append(row("generator CPU per login, ms", Format.millis(cpuMillisPerLogin(api, api.cpu().generator())),
                    Format.millis(cpuMillisPerLogin(baseline, baseline.cpu().generator()))));
            md.append(row("server samples (JFR)", String.valueOf(profile.apiSamples()),
                    String.valueOf(profile.baselineSamples())));
            md.append('\n');
            md.append(row("time went to", "whose call", "most often in", "% " + api.label(), "% " + baseline.label(),
                    "≈ ms/login " + api.label(), "≈ ms/login " + baseline.label()));
            md.append("|---|---|---|---:|---:|---:|---:|\n");
            for (Report.ProfileRow line : profile.rows()) {
                md.append(row(line.activity(), line.owner(), line.frame().isEmpty() ? NONE : "`" + line.frame() + "`",
                        Format.percentNumber(line.apiShare()), Format.percentNumber(line.baselineShare()),
                        Format.millis(line.apiShare() * apiServer), Format.millis(line.baselineShare() * baselineServer)));
            }
            md.append('\n');
        }
    }

    /** CPU milliseconds per request over a measurement's window, from a share of the machine's cores. */
    static double cpuMillisPerLogin(Measurement m, double share) {
        return m.requests() > 0 ? share * m.seconds() * Runtime.getRuntime().availableProcessors() * 1000 / m.requests()
                : Double.NaN;
    }

    private static void scales(StringBuilder md, List<Report.Scale> scales) {
        md.append("## Scale\n\n");
        if (scales.isEmpty()) {
            md.append("Not measured.\n\n");
            return;
        }
        md.append("Median latency of the same API with a small and a large number of users in the realm, Keycloak's "
                + "user cache holding the population each time, as on a server that has been up a while: the small "
                + "one after the warmup, the large one after every user logged in once (PIN login), each large window "
                + "after the realm's user sessions were ended, as the small one began on a fresh server. Beside them, "
                + "not judged, the large population straight after seeding, most logins loading their user from the "
                + "database: what the first logins after a restart pay.\n\n");
        md.append(row("API", "users (small → large)", "p50 ms small", "p50 ms large", "ratio large/small", "target",
                "met?", "p50 ms large, cold cache"));
        md.append("|---|---|---:|---:|---:|---|---|---:|\n");
        for (Report.Scale scale : scales) {
            md.append(row(scale.label(), scale.smallUsers() + " → " + scale.largeUsers(),
                    Format.millis(scale.smallP50Millis()), Format.millis(scale.largeP50Millis()),
                    Format.ratio(scale.ratio()), "≤ " + Format.ratio(Report.Scale.TARGET),
                    scale.met() ? "yes" : "NO", Format.millis(scale.coldP50Millis())));
        }
        md.append('\n');
    }

    private static void memory(StringBuilder md, Report.Memory memory) {
        md.append("## Memory\n\n");
        if (memory == null) {
            md.append("Not measured.\n\n");
            return;
        }
        long delta = memory.deltaBytes();
        md.append("Server heap used: ").append(Format.mebibytes(memory.heapUsedBeforeBytes())).append(" before, ")
                .append(Format.mebibytes(memory.heapUsedAfterBytes())).append(" after ").append(memory.logins())
                .append(" logins (").append(delta >= 0 ? "+" : "").append(Format.mebibytes(delta));
        if (memory.logins() > 0) {
            md.append(", ").append(Math.round((double) delta / memory.logins())).append(" bytes per login");
        }
        md.append("); measured with ").append(memory.how()).append(".\n\n");
    }

    private static void comparisons(StringBuilder md, List<Report.Comparison> comparisons) {
        md.append("## Comparisons\n\n");
        if (comparisons.isEmpty()) {
            md.append("None.\n\n");
            return;
        }
        md.append(row("comparison", "with: req/s", "with: p50 ms", "without: req/s", "without: p50 ms",
                "errors with / without", "throughput ratio with/without"));
        md.append("|---|---:|---:|---:|---:|---:|---:|\n");
        for (Report.Comparison comparison : comparisons) {
            Measurement with = comparison.with();
            Measurement without = comparison.without();
            md.append(row(comparison.label(), Format.perSecond(with.perSecond()), Format.millis(with.p50Millis()),
                    Format.perSecond(without.perSecond()), Format.millis(without.p50Millis()),
                    with.errors() + " / " + without.errors(), Format.ratio(comparison.ratio())));
        }
        md.append('\n');
    }

    private static void budgets(StringBuilder md, List<Report.BudgetCost> budgets) {
        md.append("## Caller budgets: on/off\n\n");
        if (budgets.isEmpty()) {
            md.append("Not measured.\n\n");
            return;
        }
        md.append("What the realm's caller budgets (failures and successes per source address and per client) cost each ")
                .append("scenario that pays them: Keycloak's password grant (through the project's brute-force detector) ")
                .append("and every API of the project. Both settings ran on the same server in the same run, each ")
                .append("scenario in turn: ").append(CallerBudgetToggle.describe()).append(" A scenario's rounds go on, ")
                .append("off, off, on, on, off (each pair begins with the setting the previous one ended with, so that a ")
                .append("drift over the rounds falls on both settings nearly alike), each from a realm without user ")
                .append("sessions (ended through the admin API) and after the same unmeasured settling load with the ")
                .append("setting just made. req/s is the mean of the ")
                .append("rounds', p50 the median of theirs. Budgets on must keep at least ")
                .append(Format.ratio(Report.BudgetCost.TARGET)).append(" of the throughput with them off. A round with ")
                .append("errors fails its row without a ratio; HTTP 429 with budgets on means the \"on\" setting refused ")
                .append("the load it should only have counted.\n\n");
        md.append(row("scenario", "req/s on", "req/s off", "ratio on/off", "p50 ms on", "p50 ms off", "target", "met?",
                "req/s per round (on / off)", "errors"));
        md.append("|---|---:|---:|---:|---:|---:|---|---|---|---|\n");
        for (Report.BudgetCost cost : budgets) {
            String errors = cost.errors() == 0 ? "0"
                    : cost.errors() + (cost.refusedOn() ? ", REFUSED with budgets on (HTTP 429)" : "")
                            + cost.firstError().map(e -> "; first: " + e.substring(0, Math.min(120, e.length()))).orElse("");
            md.append(row(cost.label(), Format.perSecond(cost.onPerSecond()), Format.perSecond(cost.offPerSecond()),
                    Format.closeRatio(cost.ratio()), Format.millis(cost.onP50Millis()), Format.millis(cost.offP50Millis()),
                    "≥ " + Format.ratio(Report.BudgetCost.TARGET), cost.met() ? "yes" : "NO",
                    perRound(cost.on()) + " / " + perRound(cost.off()), errors));
        }
        md.append('\n');
    }

    /** Each round's req/s in the order run, e.g. {@code 101.2, 99.8, 100.4}. */
    static String perRound(List<Measurement> rounds) {
        return rounds.isEmpty() ? NONE
                : rounds.stream().map(m -> Format.perSecond(m.perSecond())).collect(Collectors.joining(", "));
    }

    private static String row(String... cells) {
        StringBuilder row = new StringBuilder("|");
        for (String cell : cells) {
            row.append(' ').append(cell(cell)).append(" |");
        }
        return row.append('\n').toString();
    }

    /** Text that stays inside one table cell. */
    private static String cell(String text) {
        return text.replace("|", "\\|").replaceAll("[\\r\\n]+", " ");
    }
}
