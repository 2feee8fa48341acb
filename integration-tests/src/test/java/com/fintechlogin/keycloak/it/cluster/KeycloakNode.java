package com.fintechlogin.keycloak.it.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fintechlogin.keycloak.it.support.Http;

/**
 * One Keycloak node: {@code kc.sh start --optimized} in its own installation, on loopback ports of its own, its
 * console output in a log file. Stopped gracefully (SIGTERM, which kc.sh forwards to its JVM) or killed (SIGKILL
 * to the JVM itself: no shutdown hook, no goodbye to the cluster).
 */
public final class KeycloakNode {

    /** HTTP, management (health) and JGroups ports; the bind address is always 127.0.0.1. */
    public record Ports(int http, int management, int jgroups) {
    }

    static final String ADMIN_USER = "admin";
    static final String ADMIN_PASSWORD = "admin";
    private static final Pattern CLUSTER_VIEW = Pattern.compile("ISPN000094: Received new cluster view for channel ISPN: \\[[^\\]]*\\] \\((\\d+)\\)");

    private final String name;
    private final Path home;
    private final Ports ports;
    private final Path log;
    private Process process;

    public KeycloakNode(String name, Path home, Ports ports, Path log) {
        this.name = name;
        this.home = home;
        this.ports = ports;
        this.log = log;
    }

    String name() {
        return name;
    }

    Path log() {
        return log;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + ports.http();
    }

    String realmUrl(String realm) {
        return baseUrl() + "/realms/" + realm;
    }

    /** The runtime options of {@code kc.sh start --optimized}, as docs/operations.md shows them. */
    List<String> startOptions(String publicUrl, Path vault) {
        return startOptions(publicUrl, vault, Postgres.url());
    }

    private List<String> startOptions(String publicUrl, Path vault, String databaseUrl) {
        return List.of(
                "--db-url=" + databaseUrl, "--db-username=" + Postgres.ROLE, "--db-password=" + Postgres.PASSWORD,
                "--hostname=" + publicUrl,
                "--http-enabled=true", "--http-host=127.0.0.1", "--http-port=" + ports.http(),
                "--http-management-port=" + ports.management(),
                "--cache-embedded-network-bind-address=127.0.0.1", "--cache-embedded-network-bind-port=" + ports.jgroups(),
                "--vault-dir=" + vault);
    }

    void start(String publicUrl, Path vault, List<String> moreOptions) {
        List<String> options = new ArrayList<>(startOptions(publicUrl, vault));
        // Not a production setting: every event in the node's log, for SecretsStayOutOfLogsCheck to search.
        options.add("--log-level=INFO,org.keycloak.events:debug");
        options.addAll(moreOptions);
        // A shared 2-core machine: a bounded heap instead of kc.sh's share of all the machine's memory.
        start(options, "-Xms256m -Xmx1g");
    }

    /**
     * Starts the node as an operator runs one in production, for a load to measure: Keycloak's default logging (no
     * event at debug), the database given, the heap given.
     */
    public void startForLoad(String publicUrl, Path vault, String databaseUrl, List<String> moreOptions, String heap) {
        List<String> options = new ArrayList<>(startOptions(publicUrl, vault, databaseUrl));
        options.addAll(moreOptions);
        start(options, heap);
    }

    private void start(List<String> options, String heap) {
        List<String> command = new ArrayList<>(List.of("bash", "bin/kc.sh", "start", "--optimized"));
        command.addAll(options);
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().putAll(Map.of(
                "JAVA_HOME", System.getProperty("java.home"),
                "JAVA_OPTS_KC_HEAP", heap,
                "KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER,
                "KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD));
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start node " + name, e);
        }
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Waits until the node's health check is UP and the realm answers. */
    public void awaitReady(String realm, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!(answers200("http://127.0.0.1:" + ports.management() + "/health/ready") && answers200(realmUrl(realm)))) {
            if (!isAlive()) {
                throw new AssertionError("Node " + name + " exited (status " + process.exitValue() + ") before it was ready. "
                        + logTail());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Node " + name + " not ready within " + timeout + ". " + logTail());
            }
            Thread.sleep(500);
        }
    }

    /** Waits until the node's log has a line containing {@code fragment}. */
    void awaitLogLine(String fragment, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!hasLogLine(fragment)) {
            if (!isAlive()) {
                throw new AssertionError("Node " + name + " exited (status " + process.exitValue() + ") before logging \"" + fragment + "\". "
                        + logTail());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Node " + name + " did not log \"" + fragment + "\" within " + timeout + ". " + logTail());
            }
            Thread.sleep(500);
        }
    }

    private boolean hasLogLine(String fragment) {
        List<String> lines = Logs.readLines(log);
        return lines != null && lines.stream().anyMatch(line -> line.contains(fragment));
    }

    /** Waits until the node's latest Infinispan cluster view, as its log reports it, has {@code members} members. */
    void awaitClusterSize(int members, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (clusterSize() != members) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Node " + name + " saw a cluster of " + clusterSize() + ", not " + members + ", within " + timeout
                        + ". " + logTail());
            }
            Thread.sleep(200);
        }
    }

    /** The size of the latest cluster view in the log; 0 before the first. */
    int clusterSize() {
        List<String> lines = Logs.readLines(log);
        int size = 0;
        for (String line : lines == null ? List.<String>of() : lines) {
            Matcher view = CLUSTER_VIEW.matcher(line);
            if (view.find()) {
                size = Integer.parseInt(view.group(1));
            }
        }
        return size;
    }

    /** SIGKILL to the node's JVM and to kc.sh, as a crash or an OOM killer would do it. */
    void kill() throws InterruptedException {
        if (process == null) {
            return;
        }
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle handle : all) {
            handle.onExit().orTimeout(30, TimeUnit.SECONDS).join();
        }
    }

    /** SIGTERM (a graceful shutdown); SIGKILL when it has not ended after 30 s. */
    public void stop() throws InterruptedException {
        if (!isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            kill();
        }
    }

    public String logTail() {
        return "Last lines of " + log + ":\n" + Logs.tail(log, 60);
    }

    private static boolean answers200(String url) {
        try {
            return Http.get(url, Map.of()).status() == 200;
        } catch (UncheckedIOException e) {
            // Not listening yet.
            return false;
        }
    }
}
