package com.fintechlogin.keycloak.it.bench;

import java.nio.file.Path;
import java.util.Optional;

import com.fintechlogin.bench.Benchmark;
import com.fintechlogin.keycloak.it.support.DemoRealm;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * The full benchmark against a Keycloak started the way the integration tests start it ({@link BenchServerConfig}:
 * the same server, its user cache sized for the scale population). Not a test: it runs only
 * when {@code ./bench.sh} asks for it ({@code -Dfintech.bench=true}), and writes its results to
 * {@code bench-results/h2/} at the top of the project. {@link PostgresBenchmarkRun} is its PostgreSQL twin.
 */
@KeycloakIntegrationTest(config = BenchServerConfig.class)
@EnabledIfSystemProperty(named = "fintech.bench", matches = "true")
class BenchmarkRun {

    static final String OUT = "bench-results/h2";

    @InjectRealm(fromJson = DemoRealm.JSON, lifecycle = LifeCycle.GLOBAL)
    ManagedRealm realm;

    @Test
    void run() throws Exception {
        BenchTool tool = BenchTool.of(realm, "fintech.bench", "./bench.sh");
        Benchmark.Options options = Benchmark.Options.parse(tool.argsWithOut(OUT))
                .on(tool.serverUrl(), Path.of(".."), tool.command())
                .describing("the integration tests' server: Keycloak's test framework runs the distribution with kc.sh start-dev, "
                        + "H2 in memory inside Keycloak's process, the user cache sized for the scale population", Optional.empty());
        new Benchmark(options, System.out::println).run();
    }
}
