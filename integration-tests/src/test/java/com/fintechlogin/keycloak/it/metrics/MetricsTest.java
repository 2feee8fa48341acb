package com.fintechlogin.keycloak.it.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import com.fintechlogin.keycloak.it.metrics.LoginRound.Series;
import com.fintechlogin.keycloak.it.support.DemoRealm;
import com.fintechlogin.keycloak.it.support.FintechServerConfig;

import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakUrls;

/**
 * What an operator's Prometheus reads from the management port ({@code /metrics}) of the shared server, before and
 * after a round of logins and failures through every API ({@link LoginRound}): each counter moved by exactly what
 * the round did, with the tags an operator filters by; every API has its latency histogram; a forged client id makes
 * no series of its own; and nothing about a user, a device or a secret is in the answer. The Grafana dashboard in
 * {@code docs/} queries only metrics scraped here.
 */
@KeycloakIntegrationTest(config = FintechServerConfig.class)
class MetricsTest {

    static final Path DASHBOARD = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent().resolve("docs/grafana-dashboard.json");

    private static final String ATTEMPTS = "fintech_login_attempts_total";
    private static final String DURATION_COUNT = "fintech_login_duration_seconds_count";
    private static final String DURATION_BUCKET = "fintech_login_duration_seconds_bucket";
    private static final String LOCKS = "fintech_credential_locks_total";
    private static final String REPLAYS = "fintech_replays_refused_total";
    private static final String KEYCLOAK_EVENTS = "keycloak_user_events_total";
    private static final Map<String, String> DEMO = Map.of("realm", "demo");
    /** The histogram's buckets, in seconds, as Prometheus writes their {@code le}. */
    private static final Set<String> BUCKETS = Set.of("0.005", "0.01", "0.025", "0.05", "0.075", "0.1", "0.25", "0.5", "0.75", "1.0",
            "2.5", "5.0", "10.0", "+Inf");

    @InjectRealm(fromJson = DemoRealm.JSON, lifecycle = LifeCycle.GLOBAL)
    ManagedRealm realm;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @Test
    void aRoundOfLoginsMovesEachCounterByExactlyWhatItDid() throws Exception {
        Scrape before = Scrape.of(urls.getMetric());
        LoginRound round = new LoginRound(realm);
        round.run();
        Map<Series, Integer> timed = new TreeMap<>(round.attempts());
        timed.keySet().removeIf(series -> series.api().equals(LoginRound.TOKEN_ENDPOINT));
        // Recorded when each event's transaction commits, before the answer goes out; polled all the same, never assumed.
        Scrape after = scrapeUntil(scrape -> delta(before, scrape, ATTEMPTS, MetricsTest::series).equals(round.attempts())
                && delta(before, scrape, DURATION_COUNT, MetricsTest::series).equals(timed));
        keep(after);

        assertThat(delta(before, after, ATTEMPTS, MetricsTest::series)).as("attempts by API, client and outcome in realm demo")
                .isEqualTo(round.attempts());
        assertThat(delta(before, after, LOCKS, labels -> labels.get("kind"))).as("credentials locked, by kind").isEqualTo(round.locks());
        assertThat(delta(before, after, REPLAYS, labels -> labels.get("api"))).as("replays refused, by API").isEqualTo(round.replays());
        assertThat(delta(before, after, DURATION_COUNT, MetricsTest::series))
                .as("every API login timed once under the counter's tags; Keycloak's own routes have no endpoint of ours to time")
                .isEqualTo(timed);

        // Keycloak's own user-event metrics are on as well, and count the same logins.
        int logins = round.attempts().entrySet().stream()
                .filter(e -> e.getKey().outcome().equals("success") && !e.getKey().api().equals(LoginRound.GET_TOKEN))
                .mapToInt(Map.Entry::getValue).sum();
        Map<String, Integer> keycloakEvents = delta(before, after, KEYCLOAK_EVENTS, labels -> labels.get("event") + " " + labels.get("error"));
        assertThat(keycloakEvents).as("keycloak_user_events_total in realm demo, by event and error").containsEntry("login ", logins);
    }

    @Test
    void everyApiHasItsLatencyHistogram() throws Exception {
        LoginRound round = new LoginRound(realm);
        round.run();
        Scrape after = scrapeUntil(scrape -> apis(scrape, DURATION_BUCKET).containsAll(apis(round)));

        for (String api : apis(round)) {
            Set<String> buckets = after.samples().stream()
                    .filter(sample -> sample.name().equals(DURATION_BUCKET) && sample.has(Map.of("realm", "demo", "api", api)))
                    .map(sample -> sample.labels().get("le")).collect(Collectors.toCollection(TreeSet::new));
            assertThat(buckets).as("buckets of %s", api).isEqualTo(BUCKETS);
            double count = after.values(DURATION_COUNT, Map.of("realm", "demo", "api", api), labels -> "").getOrDefault("", 0.0);
            double inf = after.values(DURATION_BUCKET, Map.of("realm", "demo", "api", api, "le", "+Inf"), labels -> "").getOrDefault("", 0.0);
            assertThat(inf).as("the +Inf bucket of %s holds every login", api).isEqualTo(count).isPositive();
        }
        assertThat(apis(after, DURATION_BUCKET)).as("Keycloak's token endpoint is counted, not timed").doesNotContain(LoginRound.TOKEN_ENDPOINT);
    }

    @Test
    void aForgedClientIdMakesNoSeriesAndNoUserDeviceOrSecretReachesTheMetrics() throws Exception {
        LoginRound round = new LoginRound(realm);
        round.run();
        Scrape after = scrapeUntil(scrape -> true);

        Set<String> realmClients = realm.admin().clients().findAll().stream().map(ClientRepresentation::getClientId)
                .collect(Collectors.toSet());
        Set<String> clients = after.samples().stream().filter(sample -> sample.name().startsWith("fintech_") && sample.has(DEMO))
                .map(sample -> sample.labels().get("client")).filter(Objects::nonNull).collect(Collectors.toCollection(TreeSet::new));
        assertThat(clients).as("client tags in realm demo").contains("unknown").allMatch(client -> client.equals("unknown")
                || realmClients.contains(client));
        assertThat(after.labelValues("fintech_", "outcome")).as("outcomes").allMatch(outcome -> outcome.matches("[a-z_]+"));

        for (String value : round.neverInMetrics()) {
            assertThat(after.text()).as("the scrape").doesNotContain(value);
        }
        for (String label : after.allLabelValues()) {
            assertThat(round.neverInMetrics()).as("a label value of the scrape").noneMatch(label::contains);
        }
        // The round's PINs are four digits, which other tests' random realm names (hex) may hold by chance: they are
        // looked for in the round's own realm, whose series the round made.
        after.samples().stream().filter(sample -> sample.has(DEMO)).flatMap(sample -> sample.labels().values().stream())
                .forEach(label -> assertThat(label).as("a label value of realm demo's series").doesNotContain("2468", "8642", "1357"));
    }

    @Test
    void theDashboardQueriesOnlyMetricsScrapedHere() throws Exception {
        LoginRound round = new LoginRound(realm);
        round.run();
        Scrape after = scrapeUntil(scrape -> scrape.names().containsAll(Set.of(ATTEMPTS, DURATION_BUCKET, LOCKS, REPLAYS)));

        DashboardQueries dashboard = DashboardQueries.read(DASHBOARD);
        assertThat(dashboard.queries()).as("queries of %s", DASHBOARD).isNotEmpty();
        Set<String> named = dashboard.metricNames();
        assertThat(named).as("metric names the dashboard's queries use").isSubsetOf(after.names())
                .contains(ATTEMPTS, DURATION_BUCKET, LOCKS, REPLAYS, KEYCLOAK_EVENTS);
    }

    /** The project's and Keycloak's login series of the scrape, in target/, for whoever wants to see what a round gives. */
    private static void keep(Scrape scrape) throws IOException {
        Path file = Path.of(System.getProperty("user.dir"), "target", "metrics", "after-a-round.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, scrape.text().lines()
                .filter(line -> line.matches("(# (HELP|TYPE) )?(fintech_|keycloak_user_events).*"))
                .collect(Collectors.joining("\n", "", "\n")));
    }

    private Scrape scrapeUntil(Predicate<Scrape> done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        Scrape scrape = Scrape.of(urls.getMetric());
        while (!done.test(scrape) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            scrape = Scrape.of(urls.getMetric());
        }
        return scrape;
    }

    private static Series series(Map<String, String> labels) {
        return new Series(labels.get("api"), labels.get("client"), labels.get("outcome"));
    }

    private static Set<String> apis(LoginRound round) {
        return round.attempts().keySet().stream().map(Series::api).filter(api -> !api.equals(LoginRound.TOKEN_ENDPOINT))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> apis(Scrape scrape, String name) {
        return scrape.labelValues(name, "api").stream().filter(api -> scrape.samples().stream()
                .anyMatch(s -> s.name().equals(name) && s.has(Map.of("realm", "demo", "api", api)))).collect(Collectors.toSet());
    }

    /** What {@code after} holds more than {@code before} in realm demo, per key; keys that did not move left out. */
    private static <K extends Comparable<K>> Map<K, Integer> delta(Scrape before, Scrape after, String name, Function<Map<String, String>, K> key) {
        Map<K, Double> was = before.values(name, DEMO, key);
        Map<K, Integer> moved = new TreeMap<>();
        after.values(name, DEMO, key).forEach((k, now) -> {
            long difference = Math.round(now - was.getOrDefault(k, 0.0));
            if (difference != 0) {
                moved.put(k, (int) difference);
            }
        });
        return moved;
    }
}
