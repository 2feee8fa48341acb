package com.fintechlogin.keycloak.it;

import java.nio.file.Path;

import com.fintechlogin.bench.Benchmark;

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
 * {@code bench-results/} at the top of the project.
 */
@KeycloakIntegrationTest(config = BenchServerConfig.class)
@EnabledIfSystemProperty(named = "fintech.bench", matches = "true")
class BenchmarkRun {

    @InjectRealm(fromJson = DemoRealm.JSON, lifecycle = LifeCycle.GLOBAL)
    ManagedRealm realm;

    @Test
    void run() throws Exception {
        String given = System.getProperty("fintech.bench.args", "").strip();
        String[] args = given.isEmpty() ? new String[0] : given.split("\\s+");
        Benchmark.Options options = Benchmark.Options.parse(args)
                .on(BenchmarkSmokeTest.serverUrl(realm), Path.of(".."), ("./bench.sh " + given).strip());
        new Benchmark(options, System.out::println).run();
    }
}
