package com.fintechlogin.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a local Keycloak spends its CPU during one window of load: a Java Flight Recorder recording of the server
 * (started and stopped with {@code jcmd}, the JDK's {@code profile} settings: a stack sample of running Java threads
 * every 10 ms), each sample sorted by its frames into what the time went to ({@link ProfileBuckets}). Stacks are kept
 * 256 frames deep, so that a frame of the extension under Keycloak's and Quarkus' request handling is not cut off.
 */
final class ServerProfile {

    /** What the time of one recording went to: samples per bucket, and per bucket the frames that stood for it. */
    record Samples(long samples, Map<Key, Long> buckets, Map<Key, Map<String, Long>> frames) {

        /** The share of samples in the bucket. */
        double share(Key key) {
            return samples == 0 ? 0 : buckets.getOrDefault(key, 0L) / (double) samples;
        }

        /** The frame that most often stood for the bucket; empty when it had no sample. */
        String topFrame(Key key) {
            return frames.getOrDefault(key, Map.of()).entrySet().stream()
                    .max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                    .map(Map.Entry::getKey).orElse("");
        }
    }

    /** A bucket of {@link ProfileBuckets}: what the time went to, and whose code asked for it. */
    record Key(String activity, String owner) {
    }

    private static final int STACK_DEPTH = 256;
    /** Buckets below this share in both recordings are left out of a comparison. */
    static final double SHOWN_FROM = 0.01;

    private final long pid;
    private final Path directory;

    ServerProfile(long pid, Path directory) {
        this.pid = pid;
        this.directory = directory;
    }

    /** Records the server while {@code load} runs; answers the load's result and the recording's samples. */
    <T> Recorded<T> record(String name, Supplier<T> load) {
        Path file = directory.resolve(name + ".jfr");
        // Only before the first recording of the JVM may the depth change; later it fails and the depth stays.
        jcmd(false, "JFR.configure", "stackdepth=" + STACK_DEPTH);
        jcmd(true, "JFR.start", "name=" + name, "settings=profile");
        T result;
        try {
            result = load.get();
        } finally {
            jcmd(true, "JFR.stop", "name=" + name, "filename=" + file.toAbsolutePath());
        }
        return new Recorded<>(result, read(file));
    }

    /** A load's result and what the server did meanwhile. */
    record Recorded<T>(T result, Samples samples) {
    }

    /** The execution samples of a recording, sorted into {@link ProfileBuckets}. */
    static Samples read(Path file) {
        Map<Key, Long> buckets = new HashMap<>();
        Map<Key, Map<String, Long>> frames = new HashMap<>();
        long samples = 0;
        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null
                        || event.getStackTrace().getFrames().isEmpty()) {
                    continue;
                }
                List<String> stack = event.getStackTrace().getFrames().stream().map(ServerProfile::name).toList();
                ProfileBuckets.Bucket bucket = ProfileBuckets.classify(stack);
                Key key = new Key(bucket.activity(), bucket.owner());
                samples++;
                buckets.merge(key, 1L, Long::sum);
                frames.computeIfAbsent(key, k -> new HashMap<>()).merge(bucket.frame(), 1L, Long::sum);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the recording " + file, e);
        }
        return new Samples(samples, Map.copyOf(buckets), Map.copyOf(frames));
    }

    /** The buckets of an API and its baseline side by side, each shown when either spent a percent or more in it. */
    static List<Report.ProfileRow> compare(Samples api, Samples baseline) {
        Set<Key> keys = new HashSet<>(api.buckets().keySet());
        keys.addAll(baseline.buckets().keySet());
        List<Report.ProfileRow> rows = new ArrayList<>();
        for (Key key : keys) {
            double apiShare = api.share(key);
            double baselineShare = baseline.share(key);
            if (Math.max(apiShare, baselineShare) >= SHOWN_FROM) {
                String frame = api.topFrame(key).isEmpty() ? baseline.topFrame(key) : api.topFrame(key);
                rows.add(new Report.ProfileRow(key.activity(), key.owner(), frame, apiShare, baselineShare));
            }
        }
        rows.sort(Comparator.comparingDouble((Report.ProfileRow r) -> -r.apiShare())
                .thenComparingDouble(r -> -r.baselineShare()).thenComparing(Report.ProfileRow::activity));
        return List.copyOf(rows);
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private void jcmd(boolean mustSucceed, String... command) {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(pid)));
        line.addAll(List.of(command));
        try {
            Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || (mustSucceed && process.exitValue() != 0)) {
                throw new IllegalStateException("jcmd " + String.join(" ", command) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("jcmd could not run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
