package com.fintechlogin.keycloak.it.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fintechlogin.bench.Soak;
import com.fintechlogin.keycloak.it.support.DemoRealm;
import com.fintechlogin.keycloak.it.support.FintechServerConfig;

import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakUrls;

/**
 * A one-minute soak (bench/, run in full by {@code ./soak.sh}) against the shared server, at capacities given rather
 * than measured, so that the soak's load, its mix of expected failures, its reads of {@code /metrics} and its picture
 * of the dashboard cannot rot unnoticed. It proves that they work, not that the server holds up: the heap and session
 * verdicts need a long run and are not asserted, and the realm's session settings are left alone.
 */
@KeycloakIntegrationTest(config = FintechServerConfig.class)
class SoakSmokeTest {

    @InjectRealm(fromJson = DemoRealm.JSON, lifecycle = LifeCycle.GLOBAL)
    ManagedRealm realm;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @Test
    void theLoadSucceedsTheFailuresAreTheDocumentedOnesAndTheDashboardIsDrawn() throws Exception {
        Path out = Path.of("target", "soak-smoke");
        // 500 users: the bench imports devices in their old clear form, which the server rewrites on first use, so within
        // the minute some of a device's first logins overlap, as SameDeviceAtOnceTest makes them on purpose.
        Soak.Options options = Soak.Options.parse(new String[] {"--url", BenchTool.serverUrl(realm), "--metrics-url", urls.getMetric(),
                "--minutes", "1", "--concurrency", "2", "--users", "500", "--compare-minutes", "1", "--trend-minutes", "1",
                "--capacity", "email-password=14,card-portal=14,partner=14,mobile-sign-in=70,pin-login=14,device-login=14,get-token=70",
                "--out", out.toString()});

        new Soak(options, System.out::println).run();

        // What the soak wrote for tools: its verdicts, the failure mix and the dashboard's note.
        JsonNode report = new ObjectMapper().readTree(out.resolve("soak.json").toFile());
        List<JsonNode> checks = new ArrayList<>();
        report.path("checks").forEach(checks::add);
        assertThat(checks).filteredOn(check -> List.of("zero errors", "expected failures as documented").contains(check.path("name").asText()))
                .hasSize(2).allSatisfy(check -> assertThat(check.path("outcome").asText()).as("%s", check).isEqualTo("PASS"));
        assertThat(report.path("failureMix")).hasSize(4).allSatisfy(kind -> assertThat(kind.path("requests").asLong()).as("%s", kind).isPositive());
        assertThat(report.path("dashboard").path("drawn").asBoolean()).as("%s", report.path("dashboard")).isTrue();
        assertThat(Files.size(out.resolve("soak-dashboard.png"))).isPositive();
        assertThat(out.resolve("soak.md")).content().contains("#### Expected failures beside the load")
                .contains("![The Grafana dashboard's panels, drawn from this soak](bench-results/soak-dashboard.png)");
    }
}
