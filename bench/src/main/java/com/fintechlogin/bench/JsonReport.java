package com.fintechlogin.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Renders a {@link Report} as JSON: the same data as the Markdown, unformatted, with the ratios and verdicts spelled
 * out so that a tool (a CI check, a comparison of two runs) need not recompute them. A ratio that cannot be computed
 * is {@code null}, never {@code NaN}.
 */
final class JsonReport {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    static byte[] render(Report report, List<Verdict> verdicts) throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        run(root, report.run());

        ArrayNode measurements = root.putArray("measurements");
        for (Verdict verdict : verdicts) {
            ObjectNode node = measurement(verdict.measurement());
            node.put("baseline", verdict.isBaseline());
            number(node, "ratio", verdict.ratio());
            number(node, "target", verdict.target());
            node.put("met", verdict.met());
            measurements.add(node);
        }

        Report.GeneratorCheck generator = report.generator();
        if (generator == null) {
            root.putNull("generator");
        } else {
            ObjectNode node = root.putObject("generator");
            node.set("wrkAlone", measurement(generator.wrkAlone()));
            node.set("generator", measurement(generator.generator()));
            if (generator.javaClosedLoop() == null) {
                node.putNull("javaClosedLoop");
            } else {
                node.set("javaClosedLoop", measurement(generator.javaClosedLoop()));
            }
            if (generator.inRounds() == null) {
                node.putNull("inRounds");
            } else {
                node.set("inRounds", measurement(generator.inRounds()));
            }
            number(node, "ratio", generator.ratio());
            node.put("target", Report.GeneratorCheck.TARGET);
            node.put("met", generator.met());
        }

        Report.Database database = report.database();
        if (database == null) {
            root.putNull("database");
        } else {
            ObjectNode node = root.putObject("database");
            node.put("description", database.description());
            ObjectNode idle = node.putObject("idle");
            number(idle, "seconds", database.idle().seconds());
            idle.put("transactions", database.idle().transactions());
            idle.set("writes", writes(database.idle().writes()));
            ArrayNode rows = node.putArray("scenarios");
            for (Report.DatabaseWork work : database.rows()) {
                ObjectNode row = rows.addObject();
                row.put("id", work.id());
                row.put("label", work.label());
                row.put("logins", work.logins());
                row.put("errors", work.errors());
                row.put("transactions", work.transactions());
                number(row, "transactionsPerLogin", work.perLogin(work.transactions()));
                row.set("writes", writes(work.writes()));
                number(row, "writesPerLogin", work.perLogin(work.writes().total()));
                ObjectNode tables = row.putObject("byTable");
                work.byTable().entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .forEach(e -> tables.set(e.getKey(), writes(e.getValue())));
            }
        }

        ArrayNode profiles = root.putArray("profiles");
        for (Report.Profile profile : report.profiles()) {
            ObjectNode node = profiles.addObject();
            node.set("api", measurement(profile.api()));
            node.set("baseline", measurement(profile.baseline()));
            node.put("apiSamples", profile.apiSamples());
            node.put("baselineSamples", profile.baselineSamples());
            ArrayNode frames = node.putArray("frames");
            for (Report.ProfileRow row : profile.rows()) {
                ObjectNode frame = frames.addObject();
                frame.put("frame", row.frame());
                frame.put("owner", row.owner());
                number(frame, "apiShare", row.apiShare());
                number(frame, "baselineShare", row.baselineShare());
            }
        }

        ArrayNode scales = root.putArray("scales");
        for (Report.Scale scale : report.scales()) {
            ObjectNode node = scales.addObject();
            node.put("id", scale.id());
            node.put("label", scale.label());
            node.put("smallUsers", scale.smallUsers());
            number(node, "smallP50Millis", scale.smallP50Millis());
            node.put("largeUsers", scale.largeUsers());
            number(node, "largeP50Millis", scale.largeP50Millis());
            number(node, "coldP50Millis", scale.coldP50Millis());
            number(node, "ratio", scale.ratio());
            node.put("target", Report.Scale.TARGET);
            node.put("met", scale.met());
        }

        Report.Memory memory = report.memory();
        if (memory == null) {
            root.putNull("memory");
        } else {
            ObjectNode node = root.putObject("memory");
            node.put("logins", memory.logins());
            node.put("heapUsedBeforeBytes", memory.heapUsedBeforeBytes());
            node.put("heapUsedAfterBytes", memory.heapUsedAfterBytes());
            node.put("deltaBytes", memory.deltaBytes());
            node.put("how", memory.how());
        }

        budgets(root, report.budgets());

        ArrayNode comparisons = root.putArray("comparisons");
        for (Report.Comparison comparison : report.comparisons()) {
            ObjectNode node = comparisons.addObject();
            node.put("label", comparison.label());
            node.set("with", measurement(comparison.with()));
            node.set("without", measurement(comparison.without()));
            number(node, "ratio", comparison.ratio());
        }
        return MAPPER.writeValueAsBytes(root);
    }

    /** The run and the caller budgets' rounds alone, for a run of that section only. */
    static byte[] renderBudgets(Report report) throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        run(root, report.run());
        budgets(root, report.budgets());
        return MAPPER.writeValueAsBytes(root);
    }

    private static void run(ObjectNode root, Report.Run run) {
        root.put("title", run.title());
        root.put("started", run.started().toString());
        root.put("command", run.command());
        root.put("keycloakVersion", run.keycloakVersion());
        root.put("server", run.server());
        root.put("load", run.load());
        root.put("machine", run.machine().description());
    }

    private static void budgets(ObjectNode root, List<Report.BudgetCost> budgets) {
        ArrayNode rows = root.putArray("callerBudgets");
        for (Report.BudgetCost cost : budgets) {
            ObjectNode node = rows.addObject();
            node.put("id", cost.id());
            node.put("label", cost.label());
            number(node, "onPerSecond", cost.onPerSecond());
            number(node, "offPerSecond", cost.offPerSecond());
            number(node, "ratio", cost.ratio());
            number(node, "onP50Millis", cost.onP50Millis());
            number(node, "offP50Millis", cost.offP50Millis());
            node.put("target", Report.BudgetCost.TARGET);
            node.put("met", cost.met());
            node.put("errors", cost.errors());
            node.put("refusedOn", cost.refusedOn());
            ArrayNode on = node.putArray("onRounds");
            cost.on().forEach(m -> on.add(measurement(m)));
            ArrayNode off = node.putArray("offRounds");
            cost.off().forEach(m -> off.add(measurement(m)));
        }
    }

    private static ObjectNode measurement(Measurement m) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("id", m.id());
        node.put("label", m.label());
        if (m.target().isPresent()) {
            node.put("judgedAgainst", m.target().get().baselineId());
        } else {
            node.putNull("judgedAgainst");
        }
        node.put("concurrency", m.concurrency());
        number(node, "seconds", m.seconds());
        node.put("requests", m.requests());
        node.put("errors", m.errors());
        number(node, "perSecond", m.perSecond());
        number(node, "p50Millis", m.p50Millis());
        number(node, "p95Millis", m.p95Millis());
        number(node, "p99Millis", m.p99Millis());
        ArrayNode errors = node.putArray("firstErrors");
        m.firstErrors().forEach(errors::add);
        ObjectNode cpu = node.putObject("cpuShare");
        number(cpu, "server", m.cpu().server());
        number(cpu, "database", m.cpu().database());
        number(cpu, "generator", m.cpu().generator());
        return node;
    }

    private static ObjectNode writes(PostgresStatistics.Writes writes) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("inserted", writes.inserted());
        node.put("updated", writes.updated());
        node.put("deleted", writes.deleted());
        return node;
    }

    private static void number(ObjectNode node, String name, double value) {
        if (Double.isFinite(value)) {
            node.put(name, value);
        } else {
            node.putNull(name);
        }
    }

    private static void number(ObjectNode node, String name, OptionalDouble value) {
        number(node, name, value.orElse(Double.NaN));
    }
}
