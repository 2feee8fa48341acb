package com.fintechlogin.keycloak.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** What one measurement does to the meters, in a registry of the test's own. */
class LoginMetersTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final LoginMeters meters = new LoginMeters(registry);

    @Test
    void anApiAttemptIsCountedAndTimedUnderTheSameTags() {
        Measurement attempt = new Measurement("demo", new Measurement.Attempt("user-login", "user-api", "success", true), null);

        meters.count(attempt);
        meters.time(attempt, TimeUnit.MILLISECONDS.toNanos(40));
        meters.count(attempt);
        meters.time(attempt, TimeUnit.MILLISECONDS.toNanos(300));

        assertThat(registry.get(LoginMeters.ATTEMPTS).tags("realm", "demo", "api", "user-login", "client", "user-api", "outcome", "success")
                .counter().count()).isEqualTo(2);
        Timer timer = registry.get(LoginMeters.DURATION).tags("realm", "demo", "api", "user-login", "client", "user-api", "outcome", "success")
                .timer();
        assertThat(timer.count()).isEqualTo(2);
        assertThat(timer.takeSnapshot().histogramCounts()).as("fixed buckets, 5 ms to 10 s").hasSize(13);
        assertThat(registry.find(LoginMeters.REPLAYS).counters()).isEmpty();
        assertThat(registry.find(LoginMeters.LOCKS).counters()).isEmpty();
    }

    @Test
    void aCountIsNoTiming() {
        meters.count(new Measurement("demo", new Measurement.Attempt("token-endpoint", "user-api", "success", false), null));

        assertThat(registry.get(LoginMeters.ATTEMPTS).tag("api", "token-endpoint").counter().count()).isEqualTo(1);
        assertThat(registry.find(LoginMeters.DURATION).timers()).isEmpty();
    }

    @Test
    void aReplayAndALockHaveTheirOwnCounters() {
        meters.count(new Measurement("demo", new Measurement.Attempt("partner-login", "partner-api", "replayed", true), null));
        meters.count(new Measurement("demo", null, "pin"));

        assertThat(registry.get(LoginMeters.REPLAYS).tags("realm", "demo", "api", "partner-login").counter().count()).isEqualTo(1);
        assertThat(registry.get(LoginMeters.LOCKS).tags("realm", "demo", "kind", "pin").counter().count()).isEqualTo(1);
        assertThat(registry.get(LoginMeters.ATTEMPTS).counters()).hasSize(1);
    }
}
