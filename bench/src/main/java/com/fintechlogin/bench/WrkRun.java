package com.fintechlogin.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Runs Debian's wrk once with the benchmark's script ({@code bench.lua}) and reads what it printed. wrk is written in C
 * with one event loop per thread; on a 2-core machine it reads a server several times faster than a thread-per-request
 * Java client on the same cores, which is why the benchmark's figures come from it. Its own CPU time (user + system,
 * from bash's {@code times} after it exits) is part of the result, so the report can put the generator's share of
 * the machine beside every figure.
 */
final class WrkRun {

    /**
     * What one wrk run produced.
     *
     * @param sent              requests the script handed to wrk, completed or not (replay only)
     * @param mostSentByAThread of those, the most one thread handed out: the furthest any thread got in its pool
     */
    record Result(String mode, long requests, long sent, long mostSentByAThread, double seconds, long failures, long socketErrors, long statusErrors,
            long beyondPool, double p50Millis, double p95Millis, double p99Millis, List<String> firstFailures,
            List<String> samples, double cpuSeconds, double wallSeconds) {

        /** Replay: the script's failed checks and wrk's socket errors; static: non-2xx statuses and socket errors. */
        long errors() {
            return ("replay".equals(mode) ? failures : statusErrors) + socketErrors;
        }

        double perSecond() {
            return seconds > 0 ? requests / seconds : 0;
        }
    }

    static final String SCRIPT = "bench.lua";
    private static final String RESULT = "BENCH-RESULT ";
    private static final Pattern CPU = Pattern.compile("(\\d+)m([0-9.]+)s\\s+(\\d+)m([0-9.]+)s");
    private static final Pattern VERSION = Pattern.compile("wrk (\\S+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path executable;
    private final Path script;
    private final int threads;
    private final int connections;

    private WrkRun(Path executable, Path script, int threads, int connections) {
        this.executable = executable;
        this.script = script;
        this.threads = threads;
        this.connections = connections;
    }

    /**
     * wrk from the PATH, with {@code threads} threads (each an event loop) holding {@code connections} connections in
     * all; the script is copied into {@code workDir}. Fails with the command that installs wrk when there is none.
     */
    static WrkRun onPath(int threads, int connections, Path workDir) {
        if (connections < threads) {
            throw new IllegalArgumentException("wrk needs at least one connection per thread: " + connections + " < " + threads);
        }
        Path executable = executable().orElseThrow(() -> new IllegalStateException(
                "The benchmark's load generator is wrk, and there is none on the PATH; install it: apt-get install wrk"));
        try (InputStream in = WrkRun.class.getResourceAsStream(SCRIPT)) {
            Files.createDirectories(workDir);
            Path script = workDir.resolve(SCRIPT);
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
            return new WrkRun(executable, script, threads, connections);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** wrk on the PATH, if any. */
    static Optional<Path> executable() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "wrk");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    int threads() {
        return threads;
    }

    int connections() {
        return connections;
    }

    /** e.g. {@code "wrk debian/4.1.0-3+b2, 2 threads, 8 connections"}. */
    String describe() {
        String version = "wrk";
        try {
            Process process = new ProcessBuilder(executable.toString(), "-v").redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor(10, TimeUnit.SECONDS);
            Matcher matcher = VERSION.matcher(output);
            if (matcher.find()) {
                version = "wrk " + matcher.group(1);
            }
        } catch (IOException e) {
            // the version is only for the report's header
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return version + ", " + threads + " threads, " + connections + " connections";
    }

    /** Replays the pool's requests for {@code duration}, checking each answer for HTTP 200 and the texts. */
    Result replay(URI server, Path poolBase, boolean singleUse, List<String> texts, Duration duration) {
        return run(server, Map.of("BENCH_MODE", "replay", "BENCH_POOL", poolBase.toString(),
                "BENCH_SINGLE_USE", singleUse ? "1" : "0", "BENCH_TEXTS", String.join("\n", texts)), duration);
    }

    /** Sends the pool's first request as wrk's own fixed request for {@code duration}: wrk alone. */
    Result fixed(URI server, Path poolBase, Duration duration) {
        return run(server, Map.of("BENCH_MODE", "static", "BENCH_POOL", poolBase.toString()), duration);
    }

    private Result run(URI server, Map<String, String> environment, Duration duration) {
        if (duration.toMillis() % 1000 != 0 || duration.isZero()) {
            throw new IllegalArgumentException("wrk takes whole seconds: " + duration);
        }
        String url = server.getScheme() + "://" + server.getHost() + (server.getPort() == -1 ? "" : ":" + server.getPort()) + "/";
        // bash's `times` prints the CPU time of the shell's finished children: wrk's own, exactly, once it has exited.
        List<String> command = List.of("bash", "-c", "\"$0\" \"$@\"; status=$?; times; exit $status", executable.toString(),
                "-t", Integer.toString(threads), "-c", Integer.toString(connections), "-d", duration.toSeconds() + "s",
                "--timeout", LoadRunner.REQUEST_TIMEOUT.toSeconds() + "s", "-s", script.toString(), url);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        long started = System.nanoTime();
        String output;
        int status;
        try {
            Process process = builder.start();
            output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(duration.toSeconds() + 120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("wrk did not end: " + output);
            }
            status = process.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run wrk", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
        double wall = (System.nanoTime() - started) / 1e9;
        if (status != 0) {
            throw new IllegalStateException("wrk exited with " + status + ": " + output);
        }
        return parse(output, wall);
    }

    /** The result line the script printed, and the CPU times bash printed after it. */
    static Result parse(String output, double wallSeconds) {
        int at = output.indexOf(RESULT);
        if (at < 0) {
            throw new IllegalStateException("wrk printed no result: " + output);
        }
        int end = output.indexOf('\n', at);
        JsonNode result;
        try {
            result = JSON.readTree(output.substring(at + RESULT.length(), end < 0 ? output.length() : end));
        } catch (IOException e) {
            throw new IllegalStateException("wrk's result is not JSON: " + output, e);
        }
        Matcher cpu = CPU.matcher(end < 0 ? "" : output.substring(end));
        double cpuSeconds = Double.NaN;
        // The first line of `times` is the shell's own time, the second its children's: wrk's.
        if (cpu.find() && cpu.find()) {
            cpuSeconds = Long.parseLong(cpu.group(1)) * 60 + Double.parseDouble(cpu.group(2))
                    + Long.parseLong(cpu.group(3)) * 60 + Double.parseDouble(cpu.group(4));
        }
        return new Result(result.path("mode").asText(), result.path("requests").asLong(), result.path("sent").asLong(), result.path("mostSentByAThread").asLong(),
                result.path("durationMicros").asLong() / 1e6, result.path("failures").asLong(),
                result.path("connectErrors").asLong() + result.path("readErrors").asLong()
                        + result.path("writeErrors").asLong() + result.path("timeouts").asLong(),
                result.path("statusErrors").asLong(), result.path("beyondPool").asLong(),
                result.path("p50Micros").asLong() / 1000.0, result.path("p95Micros").asLong() / 1000.0,
                result.path("p99Micros").asLong() / 1000.0, texts(result.path("firstFailures")), texts(result.path("samples")),
                cpuSeconds, wallSeconds);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return List.copyOf(texts);
    }
}
