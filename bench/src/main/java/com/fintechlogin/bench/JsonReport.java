package com.fintechlogin.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
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
        root.put("title", report.title());
        root.put("started", report.started().toString());
        root.put("command", report.command());
        root.put("keycloakVersion", report.keycloakVersion());
        root.put("machine", report.machine().description());

        ArrayNode measurements = root.putArray("measurements");
        for (Verdict verdict : verdicts) {
            ObjectNode node = measurement(verdict.measurement());
            node.put("baseline", verdict.isBaseline());
            if (verdict.baseline() == null) {
                node.putNull("comparedWith");
            } else {
                node.put("comparedWith", verdict.baseline().id());
            }
            number(node, "ratio", verdict.ratio());
            number(node, "target", verdict.target());
            node.put("met", verdict.met());
            measurements.add(node);
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

    private static ObjectNode measurement(Measurement m) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("id", m.id());
        node.put("label", m.label());
        node.put("group", m.group().name());
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
