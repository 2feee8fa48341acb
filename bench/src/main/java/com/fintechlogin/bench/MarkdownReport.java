package com.fintechlogin.bench;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Renders a {@link Report} as Markdown: the header says how the numbers were made (machine, version, load, command),
 * the tables say what they are and whether each target is met.
 */
final class MarkdownReport {

    private static final String NONE = "—";

    private MarkdownReport() {
    }

    static String render(Report report, List<Verdict> verdicts) {
        StringBuilder md = new StringBuilder();
        header(md, report);
        measurements(md, verdicts);
        errors(md, verdicts);
        scales(md, report.scales());
        memory(md, report.memory());
        comparisons(md, report.comparisons());
        return md.toString();
    }

    private static void header(StringBuilder md, Report report) {
        List<Measurement> measurements = report.measurements();
        md.append("# ").append(report.title()).append("\n\n");
        md.append("- Date: ").append(Format.utc(report.started())).append('\n');
        md.append("- Machine: ").append(report.machine().description()).append('\n');
        md.append("- Keycloak: ").append(report.keycloakVersion()).append('\n');
        md.append("- Load: ").append(distinct(measurements.stream().map(m -> String.valueOf(m.concurrency()))))
                .append(" concurrent workers, closed loop; measured window ")
                .append(distinct(measurements.stream().map(m -> Format.millis(m.seconds()) + " s")))
                .append(" per API, after a warmup\n");
        md.append("- Command: `").append(report.command().replace("`", "'")).append("`\n\n");
    }

    /** The distinct values in order of first appearance, joined; a dash when there are none. */
    private static String distinct(Stream<String> values) {
        String joined = values.distinct().collect(Collectors.joining(", "));
        return joined.isEmpty() ? NONE : joined;
    }

    private static void measurements(StringBuilder md, List<Verdict> verdicts) {
        md.append("## Throughput and latency\n\n");
        md.append("Each API's throughput is divided by that of Keycloak's own grant measured in the same run: ");
        md.append("password-based APIs by the password grant, light APIs by the client-credentials grant. ");
        md.append("An API meets its target only if it had no errors and neither had its baseline.\n\n");
        md.append(row("API", "compared with", "req/s", "p50 ms", "p95 ms", "p99 ms", "errors", "ratio to baseline",
                "target", "met?"));
        md.append("|---|---|---:|---:|---:|---:|---:|---:|---|---|\n");
        for (Verdict verdict : verdicts) {
            Measurement m = verdict.measurement();
            String comparedWith;
            String ratio;
            String met;
            if (verdict.isBaseline()) {
                comparedWith = NONE;
                ratio = Format.ratio(verdict.ratio()) + " (baseline)";
                met = verdict.met() ? NONE : "NO";
            } else {
                comparedWith = verdict.baseline() == null
                        ? groupName(m.group().baseline().orElseThrow()) + " (not measured)"
                        : verdict.baseline().label();
                ratio = Format.ratio(verdict.ratio());
                met = verdict.met() ? "yes" : "NO";
            }
            String target = verdict.target().isPresent() ? "≥ " + Format.ratio(verdict.target().getAsDouble()) : NONE;
            md.append(row(m.label(), comparedWith, Format.perSecond(m.perSecond()), Format.millis(m.p50Millis()),
                    Format.millis(m.p95Millis()), Format.millis(m.p99Millis()), String.valueOf(m.errors()), ratio,
                    target, met));
        }
        md.append("\n![Throughput ratio of each API to its baseline](").append(Report.CHART_FILE).append(")\n\n");
    }

    private static String groupName(Group group) {
        return switch (group) {
            case PASSWORD_BASELINE -> "Keycloak password grant";
            case CLIENT_CREDENTIALS_BASELINE -> "Keycloak client-credentials grant";
            case PASSWORD_BASED -> "password-based API";
            case LIGHT -> "light API";
        };
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

    private static void scales(StringBuilder md, List<Report.Scale> scales) {
        md.append("## Scale\n\n");
        if (scales.isEmpty()) {
            md.append("Not measured.\n\n");
            return;
        }
        md.append("Median latency of the same API with a small and a large number of users in the realm.\n\n");
        md.append(row("API", "users (small → large)", "p50 ms small", "p50 ms large", "ratio large/small", "target",
                "met?"));
        md.append("|---|---|---:|---:|---:|---|---|\n");
        for (Report.Scale scale : scales) {
            md.append(row(scale.label(), scale.smallUsers() + " → " + scale.largeUsers(),
                    Format.millis(scale.smallP50Millis()), Format.millis(scale.largeP50Millis()),
                    Format.ratio(scale.ratio()), "≤ " + Format.ratio(Report.Scale.TARGET),
                    scale.met() ? "yes" : "NO"));
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
