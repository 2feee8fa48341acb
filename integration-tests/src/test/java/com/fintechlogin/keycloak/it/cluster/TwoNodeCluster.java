package com.fintechlogin.keycloak.it.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fintechlogin.keycloak.it.support.FintechServerConfig;

/**
 * Two Keycloak nodes on this machine sharing one PostgreSQL database, found by each other through Keycloak's default
 * {@code jdbc-ping} discovery, with the project's JARs and the demo realm (imported by node A), Keycloak's per-node
 * refusal of concurrent logins of a user off ({@link #CONCURRENT_LOGINS}). Everything lives
 * under {@code cluster.work.dir} (integration-tests/target/cluster), node logs included.
 */
final class TwoNodeCluster implements AutoCloseable {

    static final String REALM = "demo";
    /**
     * The one public URL of the cluster, as a load balancer in front of both nodes would serve it: tokens carry it as
     * their issuer, so that each node accepts the other's tokens. No load balancer runs here; the tests call each node
     * on its own port.
     */
    static final String PUBLIC_URL = "http://localhost:8480";
    private static final Duration BOOT = Duration.ofMinutes(4);
    /**
     * Turns off Keycloak's refusal of a second login of a user already in progress on the node. That refusal lives in one
     * node's memory and already serializes a burst of Keycloak's own password grants there, so a test of the extension's
     * turn on the password counter could not fail with it on; a cluster does not get it across nodes anyway, and an
     * operator may turn it off. With it off every node lets parallel logins of one user through, and only the
     * extension's row locks in the shared database can keep guesses within the limit, which is what the cases check.
     */
    static final String CONCURRENT_LOGINS = "--spi-brute-force-protector--default-brute-force-detector--allow-concurrent-requests=true";
    /**
     * The only address the nodes take a forwarded client address from, as behind a production load balancer
     * (docs/admin-guide.md, "the source address"): a loopback address no other case sends from.
     */
    static final String PROXY = "127.0.0.9";
    /**
     * Both nodes read {@code X-Forwarded-For} from {@link #PROXY} only, as the admin guide tells an operator behind a
     * proxy to start Keycloak. The other cases send no forwarded header, so they see the connection's address.
     */
    static final List<String> BEHIND_A_PROXY = List.of("--proxy-headers=xforwarded", "--proxy-trusted-addresses=" + PROXY);
    /** Logged by a node after its database schema (Keycloak's and the extension's) is in place. */
    private static final String SCHEMA_READY = "JGroups JDBC_PING discovery enabled";

    private final KeycloakNode a;
    private final KeycloakNode b;

    private TwoNodeCluster(KeycloakNode a, KeycloakNode b) {
        this.a = a;
        this.b = b;
    }

    KeycloakNode a() {
        return a;
    }

    KeycloakNode b() {
        return b;
    }

    /** Prepares the database and both installations, starts both nodes and waits for a cluster of two. */
    static TwoNodeCluster start() throws InterruptedException {
        Path work = Path.of(property("cluster.work.dir")).toAbsolutePath();
        Trees.delete(work);
        createDirectories(work);
        Postgres.recreateDatabase(Path.of(property("postgres.script")).toAbsolutePath(), work.resolve("postgres.log"));
        Path vault = FintechServerConfig.writeVault(work.resolve("vault"));

        Path homeA = work.resolve("node-a");
        Path homeB = work.resolve("node-b");
        KeycloakBuild.install(Path.of(property("keycloak.dist.dir")), ProjectJars.find(), homeA, work.resolve("build.log"));
        Trees.copy(homeA, homeB);
        Path importDir = homeA.resolve("data/import");
        createDirectories(importDir);
        copy(Path.of(property("demo.realm.file")), importDir.resolve("demo-realm.json"));

        TwoNodeCluster cluster = new TwoNodeCluster(
                new KeycloakNode("A", homeA, new KeycloakNode.Ports(8181, 9181, 7901), work.resolve("node-a.log")),
                new KeycloakNode("B", homeB, new KeycloakNode.Ports(8282, 9282, 7902), work.resolve("node-b.log")));
        try {
            cluster.a.start(PUBLIC_URL, vault, options("--import-realm", CONCURRENT_LOGINS));
            // Two nodes creating the schema of an empty database at once collide (Liquibase's own tables): B starts once
            // A has created it, which A logs just before it sets up clustering.
            cluster.a.awaitLogLine(SCHEMA_READY, BOOT);
            cluster.b.start(PUBLIC_URL, vault, options(CONCURRENT_LOGINS));
            cluster.a.awaitReady(REALM, BOOT);
            cluster.b.awaitReady(REALM, BOOT);
            cluster.a.awaitClusterSize(2, Duration.ofMinutes(1));
            cluster.b.awaitClusterSize(2, Duration.ofMinutes(1));
            return cluster;
        } catch (AssertionError | InterruptedException | RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    private static List<String> options(String... options) {
        List<String> all = new ArrayList<>(List.of(options));
        all.addAll(BEHIND_A_PROXY);
        return all;
    }

    /** Stops whichever node still runs; both are tried even when one fails. */
    @Override
    public void close() throws InterruptedException {
        try {
            a.stop();
        } finally {
            b.stop();
        }
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new AssertionError("System property " + name + " is not set (integration-tests' pom sets it for the cluster execution)");
        }
        return value;
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copy(Path from, Path to) {
        try {
            Files.copy(from, to);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
