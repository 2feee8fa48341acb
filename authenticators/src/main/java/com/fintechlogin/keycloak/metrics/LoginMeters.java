package com.fintechlogin.keycloak.metrics;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;

/**
 * The project's meters, as Keycloak registers its own user-event counter: a builder bound once to a registry, whose
 * meters Micrometer creates on a tag set's first use and keeps (its registry is the only state, and it is Micrometer's).
 * In Prometheus' names ({@code /metrics}): {@code fintech_login_attempts_total}, {@code fintech_login_duration_seconds}
 * ({@code _bucket}, {@code _count}, {@code _sum}, {@code _max}), {@code fintech_credential_locks_total},
 * {@code fintech_replays_refused_total}. The counters have no base unit, which Prometheus would put into their names
 * ({@code _events_total}).
 */
final class LoginMeters {

    static final String ATTEMPTS = "fintech.login.attempts";
    static final String DURATION = "fintech.login.duration";
    static final String LOCKS = "fintech.credential.locks";
    static final String REPLAYS = "fintech.replays.refused";

    static final String REALM = "realm";
    static final String API = "api";
    static final String CLIENT = "client";
    static final String OUTCOME = "outcome";
    static final String KIND = "kind";

    /**
     * Fixed buckets rather than Micrometer's percentile histogram (about 70 per series): from the light APIs' ~10 ms to
     * a password hash's few hundred and a server in trouble; a quantile between two of them is interpolated.
     */
    private static final List<Duration> BUCKETS = List.of(
            Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(75),
            Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofMillis(750), Duration.ofSeconds(1),
            Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10));

    private final Meter.MeterProvider<Counter> attempts;
    private final Meter.MeterProvider<Timer> duration;
    private final Meter.MeterProvider<Counter> locks;
    private final Meter.MeterProvider<Counter> replays;

    LoginMeters(MeterRegistry registry) {
        attempts = Counter.builder(ATTEMPTS)
                .description("Login attempts per realm, API (or Keycloak route), client and outcome")
                .withRegistry(registry);
        duration = Timer.builder(DURATION)
                .description("Time from an API endpoint taking a login request to the request's commit")
                .serviceLevelObjectives(BUCKETS.toArray(Duration[]::new))
                .withRegistry(registry);
        locks = Counter.builder(LOCKS)
                .description("Credentials the attempt limiter locked: wrong attempts that used the last one, per kind")
                .withRegistry(registry);
        replays = Counter.builder(REPLAYS)
                .description("Login requests refused as replays of a single-use proof")
                .withRegistry(registry);
    }

    /** Counts {@code measurement}. */
    void count(Measurement measurement) {
        Measurement.Attempt attempt = measurement.attempt();
        if (attempt != null) {
            attempts.withTags(attemptTags(measurement)).increment();
            if (attempt.replayed()) {
                replays.withTags(List.of(Tag.of(REALM, measurement.realm()), Tag.of(API, attempt.api()))).increment();
            }
        }
        if (measurement.lockedKind() != null) {
            locks.withTags(List.of(Tag.of(REALM, measurement.realm()), Tag.of(KIND, measurement.lockedKind()))).increment();
        }
    }

    /** Records that {@code measurement}'s attempt took {@code nanos}, under the same tags as its count. */
    void time(Measurement measurement, long nanos) {
        duration.withTags(attemptTags(measurement)).record(nanos, TimeUnit.NANOSECONDS);
    }

    private static List<Tag> attemptTags(Measurement measurement) {
        Measurement.Attempt attempt = measurement.attempt();
        return List.of(Tag.of(REALM, measurement.realm()), Tag.of(API, attempt.api()), Tag.of(CLIENT, attempt.client()),
                Tag.of(OUTCOME, attempt.outcome()));
    }
}
