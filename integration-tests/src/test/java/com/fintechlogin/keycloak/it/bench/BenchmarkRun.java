package com.fintechlogin.keycloak.it.bench;

import java.nio.file.Path;

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
 * {@code bench-results/} at the top of the project.
 */
@KeycloakIntegrationTest(config = BenchServerConfig.class)
@EnabledIfSystemProperty(named = "fintech.bench", matches = "true")
class BenchmarkRun {

    @InjectRealm(fromJson = DemoRealm.JSON, lifecycle = LifeCycle.GLOBAL)
    ManagedRealm realm;

    @Test
    void run() throws Exception {
        BenchTool tool = BenchTool.of(realm, "fintech.bench", "./bench.sh");
        Benchmark.Options options = Benchmark.Options.parse(tool.args())
                .on(tool.serverUrl(), Path.of(".."), tool.command());
        new Benchmark(options, System.out::println).run();
    }
}
