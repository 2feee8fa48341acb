package com.fintechlogin.keycloak.it.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import com.fintechlogin.bench.Soak;
import com.fintechlogin.keycloak.it.support.DemoRealm;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakUrls;

/**
 * The soak (issue 9) against a Keycloak started the way the integration tests start it, the benchmark's server
 * ({@link BenchServerConfig}). Not a test: it runs only when {@code ./soak.sh} asks for it ({@code -Dfintech.soak=true})
 * and writes {@code bench-results/soak.*} at the top of the project. The server and its realm are thrown away
 * afterwards, so the soak may lower the realm's SSO idle timeout for sessions to reach a steady state in 30 minutes.
 */
@KeycloakIntegrationTest(config = BenchServerConfig.class)
@EnabledIfSystemProperty(named = "fintech.soak", matches = "true")
class SoakRun {

    /** Short enough that a 30-minute soak spends most of its time with sessions expiring as fast as they are made. */
    private static final int THROWAWAY_REALM_SESSION_IDLE_SECONDS = 300;

    @InjectRealm(fromJson = DemoRealm.JSON, lifecycle = LifeCycle.GLOBAL)
    ManagedRealm realm;

    /** Where the framework's server serves /metrics (its management port), for the soak's picture of the dashboard. */
    @InjectKeycloakUrls
    KeycloakUrls urls;

    @Test
    void run() throws Exception {
        BenchTool tool = BenchTool.of(realm, "fintech.soak", "./soak.sh");
        Soak.Options options = Soak.Options.parse(tool.args())
                .on(tool.serverUrl(), Path.of(".."), tool.command())
                .sessionIdleUnlessSet(THROWAWAY_REALM_SESSION_IDLE_SECONDS)
                .metricsUrlUnlessSet(urls.getMetric());
        assertThat(new Soak(options, System.out::println).run().passed()).as("every soak verdict passed").isTrue();
    }
}
