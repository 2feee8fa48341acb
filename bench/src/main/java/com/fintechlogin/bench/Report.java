package com.fintechlogin.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Results of one benchmark run and where they go: {@code results.md} for people, {@code results.json} for tools and
 * {@code throughput-ratios.png} for a glance. All three are written from the same data in one call, so that they
 * always describe the same run.
 */
public final class Report {

    static final String MARKDOWN_FILE = "results.md";
    static final String JSON_FILE = "results.json";
    static final String CHART_FILE = "throughput-ratios.png";

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
     * Whether login latency stays flat as the realm grows: the same API measured with a small and a large number of
     * users. The lookups go through indexed attribute searches, so the large realm should cost at most 20 % more.
     */
    public record Scale(String id, String label, int smallUsers, double smallP50Millis, int largeUsers,
            double largeP50Millis) {

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

    private final String title;
    private final String command;
    private final String keycloakVersion;
    private final Machine machine;
    private final Instant started;
    private final List<Measurement> measurements;
    private final List<Scale> scales;
    private final Memory memory;
    private final List<Comparison> comparisons;

    /**
     * @param command the exact command that produced the run, so that a reader can repeat it
     * @param memory  {@code null} when the heap was not measured
     */
    public Report(String title, String command, String keycloakVersion, Machine machine, Instant started,
            List<Measurement> measurements, List<Scale> scales, Memory memory, List<Comparison> comparisons) {
        this.title = Objects.requireNonNull(title, "title");
        this.command = Objects.requireNonNull(command, "command");
        this.keycloakVersion = Objects.requireNonNull(keycloakVersion, "keycloakVersion");
        this.machine = Objects.requireNonNull(machine, "machine");
        this.started = Objects.requireNonNull(started, "started");
        this.measurements = List.copyOf(measurements);
        this.scales = scales == null ? List.of() : List.copyOf(scales);
        this.memory = memory;
        this.comparisons = comparisons == null ? List.of() : List.copyOf(comparisons);
    }

    /** Writes results.md, results.json and throughput-ratios.png into dir (created if needed); returns the Markdown. */
    public String write(Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Verdict> verdicts = Verdict.of(measurements);
        String markdown = MarkdownReport.render(this, verdicts);
        Files.writeString(dir.resolve(MARKDOWN_FILE), markdown);
        Files.write(dir.resolve(JSON_FILE), JsonReport.render(this, verdicts));
        Files.write(dir.resolve(CHART_FILE), RatioChart.png(title, verdicts));
        return markdown;
    }

    String title() {
        return title;
    }

    String command() {
        return command;
    }

    String keycloakVersion() {
        return keycloakVersion;
    }

    Machine machine() {
        return machine;
    }

    Instant started() {
        return started;
    }

    List<Measurement> measurements() {
        return measurements;
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
}
