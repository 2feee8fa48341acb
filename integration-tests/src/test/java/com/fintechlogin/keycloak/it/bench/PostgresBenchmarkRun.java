package com.fintechlogin.keycloak.it.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import com.fintechlogin.bench.Benchmark;
import com.fintechlogin.keycloak.it.cluster.KeycloakBuild;
import com.fintechlogin.keycloak.it.cluster.KeycloakNode;
import com.fintechlogin.keycloak.it.cluster.Postgres;
import com.fintechlogin.keycloak.it.cluster.ProjectJars;
import com.fintechlogin.keycloak.it.cluster.Trees;
import com.fintechlogin.keycloak.it.support.FintechServerConfig;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The full benchmark against Keycloak in production mode on PostgreSQL, as an operator runs it: the stock
 * distribution that integration-tests unpacks, the two project JARs in {@code providers/}, {@code kc.sh build} with the
 * cluster's build options ({@link KeycloakBuild}: {@code --db=postgres --cache=ispn --health-enabled=true
 * --vault=file}) and {@code kc.sh start --optimized} on a database of its own ({@value #DATABASE}, recreated empty),
 * the demo realm imported at the first start; Keycloak's default logging and connection pools. Like the H2 run, the
 * user cache is sized for the scale population ({@link BenchServerConfig#USERS_CACHE_ENTRIES}). The benchmark reads
 * PostgreSQL's statistics of that database for each scenario's transactions and writes per login.
 *
 * <p>Not a test: it runs only when {@code ./bench.sh --postgres} asks for it ({@code -Dfintech.bench.postgres=true}),
 * in the Surefire execution of the cluster test (which has the distribution and the PostgreSQL script; tag
 * {@code cluster}), and writes its results to {@code bench-results/postgres/} at the top of the project. Its node
 * listens on 127.0.0.1:8380 (management 9380, cluster 7980) and keeps its installation and log under
 * {@code integration-tests/target/bench-postgres/}.
 */
@Tag("cluster")
@EnabledIfSystemProperty(named = "fintech.bench.postgres", matches = "true")
class PostgresBenchmarkRun {

    static final String DATABASE = "keycloak_bench";
    static final String OUT = "bench-results/postgres";
    private static final String PUBLIC_URL = "http://localhost:8380";
    private static final String REALM = "demo";
    /** Keycloak's user cache holds the scale population and a heap its size needs; the database is not in it. */
    private static final String HEAP = "-Xms1g -Xmx2g";

    @Test
    void run() throws Exception {
        Path work = Path.of(System.getProperty("cluster.work.dir")).toAbsolutePath().resolveSibling("bench-postgres");
        Trees.delete(work);
        Files.createDirectories(work);
        Postgres.recreateDatabase(DATABASE, Path.of(System.getProperty("postgres.script")).toAbsolutePath(), work.resolve("postgres.log"));
        Path vault = FintechServerConfig.writeVault(work.resolve("vault"));
        Path home = work.resolve("keycloak");
        KeycloakBuild.install(Path.of(System.getProperty("keycloak.dist.dir")), ProjectJars.find(), home, work.resolve("build.log"));
        importDemoRealm(home);

        KeycloakNode node = new KeycloakNode("bench", home, new KeycloakNode.Ports(8380, 9380, 7980), work.resolve("keycloak.log"));
        try {
            node.startForLoad(PUBLIC_URL, vault, Postgres.url(DATABASE), List.of("--import-realm",
                    "--cache-embedded-users-max-count=" + BenchServerConfig.USERS_CACHE_ENTRIES),
                    System.getenv().getOrDefault("JAVA_OPTS_KC_HEAP", HEAP));
            node.awaitReady(REALM, Duration.ofMinutes(4));
            BenchTool tool = BenchTool.of(node.baseUrl(), "fintech.bench.postgres", "./bench.sh --postgres");
            Benchmark.Options options = Benchmark.Options.parse(tool.argsWithOut(OUT))
                    .on(tool.serverUrl(), Path.of(".."), tool.command())
                    .describing("Keycloak's distribution in production mode (kc.sh build " + String.join(" ", KeycloakBuild.buildOptions())
                                    + ", then start --optimized), the user cache sized for the scale population; PostgreSQL on this machine",
                            Optional.of(Postgres.url(DATABASE) + "?user=" + Postgres.ROLE + "&password=" + Postgres.PASSWORD));
            new Benchmark(options, System.out::println).run();
        } finally {
            node.stop();
        }
    }

    private static void importDemoRealm(Path home) throws IOException {
        Path importDir = home.resolve("data/import");
        Files.createDirectories(importDir);
        Files.copy(Path.of(System.getProperty("demo.realm.file")), importDir.resolve("demo-realm.json"));
    }
}
