package com.fintechlogin.keycloak.it.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fintechlogin.bench.Benchmark;
import com.fintechlogin.keycloak.it.support.DemoRealm;
import com.fintechlogin.keycloak.it.support.FintechServerConfig;

import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * A seconds-long run of the whole benchmark (bench/, run in full by {@code ./bench.sh}) against the shared server,
 * so that no scenario, seeding step or report part can rot unnoticed. It proves that everything works, not how fast.
 */
@KeycloakIntegrationTest(config = FintechServerConfig.class)
class BenchmarkSmokeTest {

    @InjectRealm(fromJson = DemoRealm.JSON, lifecycle = LifeCycle.GLOBAL)
    ManagedRealm realm;

    @Test
    void everyScenarioRunsWithoutErrorsAndTheReportIsWritten() throws Exception {
        Path out = Path.of("target", "bench-smoke");
        Map<String, String> attributesBefore = realm.admin().toRepresentation().getAttributes();

        Benchmark.Outcome outcome = new Benchmark(Benchmark.Options.smoke(BenchTool.serverUrl(realm), out), System.out::println).run();

        assertThat(outcome.measurements()).hasSize(9).allSatisfy(measurement -> {
            assertThat(measurement.errors()).as("%s: %s", measurement.label(), measurement.firstErrors()).isZero();
            assertThat(measurement.requests()).as(measurement.label()).isPositive();
            assertThat(measurement.cpu().generator()).as("wrk's CPU share beside %s", measurement.label()).isPositive();
            assertThat(measurement.cpu().server()).as("the server's CPU share beside %s", measurement.label()).isPositive();
        });
        assertThat(outcome.generator().wrkAlone().requests()).as("wrk alone on the client-credentials grant").isPositive();
        assertThat(outcome.generator().javaClosedLoop().errors()).isZero();
        assertThat(outcome.database()).as("an H2 inside the server has no statistics to read").isNull();
        assertThat(outcome.profiles()).as("at most one profile in a smoke run").hasSizeLessThanOrEqualTo(1);
        assertThat(outcome.comparisons()).as("the limiter's cost, with and without").hasSize(2)
                .allSatisfy(comparison -> assertThat(comparison.without().errors()).isZero());
        assertThat(outcome.scales()).as("mobile sign-in and PIN login at two populations").hasSize(2);
        assertThat(outcome.memory()).as("the heap of the local server").isNotNull();
        assertThat(outcome.memory().logins()).isEqualTo(20);
        assertThat(realm.admin().toRepresentation().isBruteForceProtected()).as("brute-force detection restored").isTrue();
        assertThat(outcome.budgets()).as("the password grant and every API, budgets on and off").hasSize(8)
                .allSatisfy(cost -> {
                    assertThat(cost.errors()).as("%s: %s", cost.label(), cost.firstError()).isZero();
                    assertThat(cost.on()).as(cost.label()).hasSize(1);
                    assertThat(cost.off()).as(cost.label()).hasSize(1);
                });
        Map<String, String> attributesAfter = realm.admin().toRepresentation().getAttributes();
        for (String budget : List.of("fintech.budget.failures-per-address", "fintech.budget.failures-per-client",
                "fintech.budget.window-seconds")) {
            assertThat(Objects.requireNonNullElse(attributesAfter.get(budget), ""))
                    .as("%s restored after the on/off rounds", budget)
                    .isEqualTo(Objects.requireNonNullElse(attributesBefore.get(budget), ""));
        }
        assertThat(out.resolve("results.md")).content().contains("| Email/password | Keycloak password grant |")
                .contains("| PIN login (mode 1) | Mobile sign-in |").contains("## Load generator")
                .contains("## Caller budgets: on/off")
                .doesNotContainPattern("seed[ -]?0\\d\\d");
        assertThat(out.resolve("results.json")).isNotEmptyFile();
        assertThat(Files.size(out.resolve("throughput-ratios.png"))).isPositive();
    }
}
