package com.fintechlogin.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Writes a {@link SoakResult} as {@code soak.md} for people, {@code soak.json} for tools and {@code soak.png}. */
final class SoakReport {

    static final String MARKDOWN_FILE = "soak.md";
    static final String JSON_FILE = "soak.json";
    static final String CHART_FILE = "soak.png";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SoakReport() {
    }

    /** Writes the three files into {@code dir} (created if needed); returns the Markdown. */
    static String write(SoakResult result, Path dir) throws IOException {
        Files.createDirectories(dir);
        String markdown = markdown(result);
        Files.writeString(dir.resolve(MARKDOWN_FILE), markdown);
        Files.write(dir.resolve(JSON_FILE), json(result));
        Files.write(dir.resolve(CHART_FILE), SoakChart.png(result));
        return markdown;
    }

    static String markdown(SoakResult r) {
        StringBuilder md = new StringBuilder();
        md.append("### Soak\n\n");
        md.append("- Date: ").append(Format.utc(r.started())).append('\n');
        md.append("- Machine: ").append(r.machine().description()).append('\n');
        md.append("- Keycloak: ").append(r.keycloakVersion()).append('\n');
        md.append("- Load: ").append(r.minutes()).append(" minutes, every API at once, open loop (a fixed rate each), ")
                .append("each at ").append(Format.ratio(SoakPlan.LOAD_SHARE)).append(" × its capacity / ")
                .append(r.plans().size()).append("; capacity = closed-loop throughput with ").append(r.concurrency())
                .append(" workers, measured in the same run unless given\n");
        md.append("- Command: `").append(r.command().strip()).append("`\n");
        if (!r.sessionIdleNote().isEmpty()) {
            md.append("- ").append(r.sessionIdleNote()).append('\n');
        }
        md.append("\n#### Verdicts\n\n| check | result | figures |\n|---|---|---|\n");
        for (SoakCheck check : r.checks()) {
            md.append("| ").append(check.name()).append(" | ").append(outcome(check.outcome())).append(" | ")
                    .append(cell(check.figures())).append(" |\n");
        }
        SoakVerdicts.SessionTrend trend = r.trend();
        md.append(String.format(Locale.ROOT, "%nSession count in the last %d minutes (minute %d to %d): %d → %d, "
                        + "least-squares trend %s sessions/minute.%n",
                r.trendMinutes(), trend.fromMinute(), trend.toMinute(), trend.firstCount(), trend.lastCount(),
                Format.perSecond(trend.slopePerMinute())));
        SessionRetention retention = r.retention();
        md.append(String.format(Locale.ROOT, "Sessions: the realm's SSO idle timeout %d s and max lifespan %d s; Keycloak's "
                        + "expiration task purges a session once it is %d s past its timeout, every %d s, so a login's session "
                        + "stays at most %d s (with a %d s margin). Session-making logins offered: %s/s, so the steady state "
                        + "is at most about %d sessions.%n",
                retention.idleSeconds(), retention.maxLifespanSeconds(), SessionRetention.CLEANER_WINDOW_SECONDS,
                retention.purgePeriodSeconds(), retention.retentionSeconds(), SessionRetention.MARGIN_SECONDS,
                Format.perSecond(r.sessionLoginsPerSecond()), Math.round(r.sessionLoginsPerSecond() * retention.retentionSeconds())));

        md.append("\n#### APIs\n\n| API | capacity req/s | offered req/s | requests | errors | off schedule | p50 ms (median minute) | p99 ms (worst minute) |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (SoakResult.ApiTotals t : r.totals()) {
            md.append("| ").append(t.plan().label()).append(" | ").append(Format.perSecond(t.plan().capacityPerSecond()))
                    .append(t.plan().capacityMeasured() ? "" : " (given)").append(" | ")
                    .append(Format.ratio(t.plan().perSecond())).append(" | ").append(t.answered()).append(" | ")
                    .append(t.errors()).append(" | ").append(t.offSchedule()).append(" | ")
                    .append(Format.millis(t.medianP50Millis())).append(" | ").append(Format.millis(t.worstP99Millis())).append(" |\n");
        }

        md.append("\n#### Minute by minute\n\nHeap after a full GC and the realm's user sessions at each minute's end; ")
                .append("per API p50 / p99 ms of the requests due in that minute.\n\n| minute | heap | sessions | bound | requests | errors | ")
                .append(r.plans().stream().map(SoakPlan::id).collect(Collectors.joining(" | "))).append(" |\n|---:|---:|---:|---:|---:|---:|")
                .append("---:|".repeat(r.plans().size())).append('\n');
        for (SoakSample s : r.samples()) {
            List<MinuteFigures> own = r.figures().stream().filter(f -> f.minute() == s.minute()).toList();
            md.append("| ").append(s.minute()).append(" | ").append(s.hasHeap() ? Format.mebibytes(s.heapBytes()) : "—")
                    .append(" | ").append(s.sessions()).append(" | ").append(s.sessionBound()).append(" | ")
                    .append(own.stream().mapToLong(MinuteFigures::answered).sum()).append(" | ")
                    .append(own.stream().mapToLong(MinuteFigures::errors).sum()).append(" | ");
            for (SoakPlan plan : r.plans()) {
                md.append(own.stream().filter(f -> f.scenarioId().equals(plan.id())).findFirst()
                        .map(f -> Format.millis(f.p50Millis()) + " / " + Format.millis(f.p99Millis())).orElse("—")).append(" | ");
            }
            md.setLength(md.length() - 1);
            md.append('\n');
        }
        md.append("\n![Heap and user sessions over the soak](bench-results/").append(CHART_FILE).append(")\n");

        md.append("\n#### Expected failures beside the load\n\nA small steady mix of requests meant to fail, from users the load ")
                .append("never uses (or none), so that the dashboard's failure panels have something to show; each answer must be the ")
                .append("API's documented failure. Not counted in the load's figures above.\n\n")
                .append("| failure | requests | locks lifted | unexpected answers | first unexpected |\n|---|---:|---:|---:|---|\n");
        for (FailureMix.Figures f : r.failureMix()) {
            md.append("| ").append(f.label()).append(" | ").append(f.sent()).append(" | ").append(f.locks()).append(" | ")
                    .append(f.unexpected()).append(" | ").append(cell(String.join("; ", f.firstErrors()))).append(" |\n");
        }
        md.append("\n#### What the dashboard shows\n\n").append(r.dashboard().note()).append('\n');
        if (r.dashboard().drawn()) {
            md.append("\n![The Grafana dashboard's panels, drawn from this soak](bench-results/").append(SoakDashboard.FILE).append(")\n");
        }
        return md.toString();
    }

    static byte[] json(SoakResult r) throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("title", r.title());
        root.put("started", r.started().toString());
        root.put("command", r.command());
        root.put("keycloakVersion", r.keycloakVersion());
        root.put("machine", r.machine().description());
        root.put("minutes", r.minutes());
        root.put("loadShare", SoakPlan.LOAD_SHARE);
        root.put("passed", r.passed());
        root.put("sessionIdleNote", r.sessionIdleNote());
        ArrayNode checks = root.putArray("checks");
        for (SoakCheck check : r.checks()) {
            checks.addObject().put("name", check.name()).put("outcome", check.outcome().name()).put("figures", check.figures());
        }
        ObjectNode heap = root.putObject("heap");
        heap.put("windowMinutes", r.heap().windowMinutes());
        number(heap, "firstMeanBytes", r.heap().firstMeanBytes());
        number(heap, "lastMeanBytes", r.heap().lastMeanBytes());
        number(heap, "change", r.heap().change());
        ObjectNode sessions = root.putObject("sessions");
        SessionRetention retention = r.retention();
        sessions.put("ssoSessionIdleTimeout", retention.idleSeconds());
        sessions.put("ssoSessionMaxLifespan", retention.maxLifespanSeconds());
        sessions.put("cleanerWindowSeconds", SessionRetention.CLEANER_WINDOW_SECONDS);
        sessions.put("purgePeriodSeconds", retention.purgePeriodSeconds());
        sessions.put("marginSeconds", SessionRetention.MARGIN_SECONDS);
        sessions.put("retentionSeconds", retention.retentionSeconds());
        number(sessions, "sessionLoginsPerSecond", r.sessionLoginsPerSecond());
        sessions.put("observedMax", r.samples().stream().mapToLong(SoakSample::sessions).max().orElse(0));
        ObjectNode trend = sessions.putObject("trend");
        trend.put("fromMinute", r.trend().fromMinute());
        trend.put("toMinute", r.trend().toMinute());
        trend.put("firstCount", r.trend().firstCount());
        trend.put("lastCount", r.trend().lastCount());
        number(trend, "slopePerMinute", r.trend().slopePerMinute());
        ArrayNode apis = root.putArray("apis");
        for (SoakResult.ApiTotals t : r.totals()) {
            ObjectNode api = apis.addObject();
            api.put("id", t.plan().id());
            api.put("label", t.plan().label());
            number(api, "capacityPerSecond", t.plan().capacityPerSecond());
            api.put("capacityMeasured", t.plan().capacityMeasured());
            number(api, "offeredPerSecond", t.plan().perSecond());
            api.put("makesUserSession", Scenarios.makesUserSession(t.plan().id()));
            api.put("scheduled", t.scheduled());
            api.put("requests", t.answered());
            api.put("errors", t.errors());
            api.put("offSchedule", t.offSchedule());
        }
        ArrayNode failureMix = root.putArray("failureMix");
        for (FailureMix.Figures f : r.failureMix()) {
            ObjectNode kind = failureMix.addObject();
            kind.put("label", f.label());
            kind.put("requests", f.sent());
            kind.put("locksLifted", f.locks());
            kind.put("unexpected", f.unexpected());
            ArrayNode errors = kind.putArray("firstUnexpected");
            f.firstErrors().forEach(errors::add);
        }
        root.putObject("dashboard").put("drawn", r.dashboard().drawn()).put("note", r.dashboard().note());
        ArrayNode samples = root.putArray("samples");
        for (SoakSample s : r.samples()) {
            ObjectNode sample = samples.addObject();
            sample.put("minute", s.minute());
            number(sample, "atSecond", s.atSecond());
            if (s.hasHeap()) {
                sample.put("heapBytes", s.heapBytes());
            } else {
                sample.putNull("heapBytes");
            }
            sample.put("sessions", s.sessions());
            sample.put("sessionBound", s.sessionBound());
        }
        ArrayNode minutes = root.putArray("minutes");
        for (MinuteFigures f : r.figures()) {
            ObjectNode minute = minutes.addObject();
            minute.put("api", f.scenarioId());
            minute.put("minute", f.minute());
            minute.put("scheduled", f.scheduled());
            minute.put("late", f.late());
            minute.put("notSent", f.skipped());
            minute.put("requests", f.answered());
            minute.put("errors", f.errors());
            number(minute, "p50Millis", f.p50Millis());
            number(minute, "p95Millis", f.p95Millis());
            number(minute, "p99Millis", f.p99Millis());
            ArrayNode errors = minute.putArray("firstErrors");
            f.firstErrors().forEach(errors::add);
        }
        return MAPPER.writeValueAsBytes(root);
    }

    private static String outcome(SoakCheck.Outcome outcome) {
        return switch (outcome) {
            case PASS -> "pass";
            case FAIL -> "**FAIL**";
            case NOT_JUDGED -> "not judged";
        };
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    private static void number(ObjectNode node, String name, double value) {
        if (Double.isFinite(value)) {
            node.put(name, value);
        } else {
            node.putNull(name);
        }
    }
}
