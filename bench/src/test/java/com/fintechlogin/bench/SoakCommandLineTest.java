package com.fintechlogin.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class SoakCommandLineTest {

    @Test
    void withoutOptionsItSoaksThirtyMinutesMeasuringEveryCapacityAndLeavesTheRealmAlone() {
        Soak.Options options = Soak.Options.parse(new String[0]);

        assertThat(options.minutes()).isEqualTo(30);
        assertThat(options.capacities()).isEmpty();
        assertThat(options.sessionIdleOverride()).isEmpty();
        assertThat(options.purgePeriodSeconds()).isEqualTo(180);
        assertThat(options.compareMinutes()).isEqualTo(5);
        assertThat(options.trendMinutes()).isEqualTo(10);
        assertThat(options.out()).isEqualTo(Path.of("bench-results"));
    }

    @Test
    void everyOptionIsRead() {
        Soak.Options options = Soak.Options.parse(new String[] {"--url", "http://localhost:18080/", "--minutes", "3",
                "--capacity-seconds", "6", "--capacity", "email-password=29.5,get-token=596", "--set-session-idle", "60",
                "--compare-minutes", "1", "--out", "/tmp/soak"});

        assertThat(options.serverUrl()).isEqualTo("http://localhost:18080");
        assertThat(options.minutes()).isEqualTo(3);
        assertThat(options.capacityWindow()).isEqualTo(Duration.ofSeconds(6));
        assertThat(options.capacities()).containsEntry("email-password", 29.5).containsEntry("get-token", 596.0);
        assertThat(options.sessionIdleOverride()).hasValue(60);
        assertThat(options.compareMinutes()).isEqualTo(1);
        assertThat(options.command()).startsWith("./soak.sh --url");
    }

    @Test
    void theFrameworkRunLowersTheIdleTimeoutOnlyWhenTheCommandLineDidNotSetOne() {
        assertThat(Soak.Options.parse(new String[0]).sessionIdleUnlessSet(300).sessionIdleOverride()).hasValue(300);
        assertThat(Soak.Options.parse(new String[] {"--set-session-idle", "900"}).sessionIdleUnlessSet(300)
                .sessionIdleOverride()).hasValue(900);
    }

    @Test
    void theMetricsAreReadOnTheManagementPortOfTheServersHostUnlessAnotherAddressIsGiven() {
        assertThat(Soak.Options.parse(new String[0]).metricsEndpoint()).isEqualTo("http://localhost:9000/metrics");
        assertThat(Soak.Options.parse(new String[] {"--url", "https://kc.example:8443"}).metricsEndpoint())
                .isEqualTo("https://kc.example:9000/metrics");
        assertThat(Soak.Options.parse(new String[] {"--url", "http://kc.example:8080", "--metrics-url", "http://kc.example:19000/metrics"})
                .metricsEndpoint()).isEqualTo("http://kc.example:19000/metrics");
    }

    @Test
    void theFrameworkRunReadsItsServersMetricsOnlyWhenTheCommandLineNamedNoOther() {
        assertThat(Soak.Options.parse(new String[0]).metricsUrlUnlessSet("http://localhost:9001/metrics").metricsEndpoint())
                .isEqualTo("http://localhost:9001/metrics");
        assertThat(Soak.Options.parse(new String[] {"--metrics-url", "http://other:9000/metrics"})
                .metricsUrlUnlessSet("http://localhost:9001/metrics").metricsEndpoint()).isEqualTo("http://other:9000/metrics");
    }

    @Test
    void aMalformedCapacityIsRefused() {
        assertThatThrownBy(() -> Soak.Options.parse(new String[] {"--capacity", "email-password"}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Soak.Options.parse(new String[] {"--capacity", "email-password=-1"}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anExpirationPeriodBelowKeycloaksMinimumIsRefused() {
        assertThatThrownBy(() -> Soak.Options.parse(new String[] {"--session-expiration-period", "30"}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
