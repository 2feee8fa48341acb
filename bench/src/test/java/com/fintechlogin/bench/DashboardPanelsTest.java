package com.fintechlogin.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

class DashboardPanelsTest {

    private static final String[] BUCKETS = {"0.005", "0.01", "0.025", "0.05", "0.075", "0.1", "0.25", "0.5", "0.75", "1.0", "2.5",
            "5.0", "10.0", "+Inf"};

    /** The dashboard as the repository holds it, found from the module's directory or the project's. */
    private static JsonNode dashboard() throws IOException {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path file = dir.resolve("docs/grafana-dashboard.json");
            if (Files.isRegularFile(file)) {
                return new ObjectMapper().readTree(file.toFile());
            }
        }
        throw new IllegalStateException("docs/grafana-dashboard.json not found above " + Path.of("").toAbsolutePath());
    }

    /**
     * Nine scrapes, 15 s apart, in which every metric the panels read moves: logins and failures of several APIs,
     * their latencies, PIN and password locks, partner replays and Keycloak's events.
     */
    static List<MetricsScrape> scrapes() {
        List<MetricsScrape> scrapes = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            List<MetricSample> samples = new ArrayList<>();
            counter(samples, DashboardPanels.ATTEMPTS, 30 * i, "api", "user-login", "client", "user-api", "outcome", "success");
            counter(samples, DashboardPanels.ATTEMPTS, 4 * i, "api", "user-login", "client", "user-api", "outcome", "invalid_credentials");
            counter(samples, DashboardPanels.ATTEMPTS, i, "api", "user-login", "client", "user-api", "outcome", "credential_locked");
            counter(samples, DashboardPanels.ATTEMPTS, 45 * i, "api", "onboarding-login", "client", "MOB-APP-2001", "outcome", "success");
            counter(samples, DashboardPanels.ATTEMPTS, 3 * i, "api", "partner-login", "client", "partner-api", "outcome", "replayed");
            counter(samples, DashboardPanels.ATTEMPTS, 20 * i, "api", "card-portal-login",
                    "client", "91f5evhk72f56432ec678sdfes685h42sd2t21k430912508233b7r37562g2hps", "outcome", "success");
            for (int b = 0; b < BUCKETS.length; b++) {
                double share = Math.min(1, (b + 1) / 5.0);
                counter(samples, DashboardPanels.DURATION_BUCKET, Math.floor(30 * i * share),
                        "api", "user-login", "client", "user-api", "outcome", "success", "le", BUCKETS[b]);
                counter(samples, DashboardPanels.DURATION_BUCKET, Math.floor(45 * i * Math.min(1, (b + 2) / 4.0)),
                        "api", "onboarding-login", "client", "MOB-APP-2001", "outcome", "success", "le", BUCKETS[b]);
            }
            counter(samples, DashboardPanels.LOCKS, i / 2, "kind", "pin");
            counter(samples, DashboardPanels.LOCKS, i / 3, "kind", "password");
            counter(samples, DashboardPanels.REPLAYS, 3 * i, "api", "partner-login");
            counter(samples, DashboardPanels.KEYCLOAK_EVENTS, 95 * i, "event", "login", "error", "");
            counter(samples, DashboardPanels.KEYCLOAK_EVENTS, 4 * i, "event", "login", "error", "invalid_user_credentials");
            scrapes.add(new MetricsScrape(15.0 * i, samples));
        }
        return scrapes;
    }

    private static void counter(List<MetricSample> into, String name, double value, String... labels) {
        Map<String, String> map = new java.util.HashMap<>(Map.of("realm", "demo"));
        for (int i = 0; i < labels.length; i += 2) {
            map.put(labels[i], labels[i + 1]);
        }
        into.add(new MetricSample(name, map, value));
    }

    @Test
    void thePanelsAreTheDashboardsWithItsTitlesInItsOrder() throws IOException {
        List<String> titles = new ArrayList<>();
        dashboard().path("panels").forEach(panel -> titles.add(panel.path("title").asText()));

        assertThat(DashboardPanels.all()).extracting(DashboardPanel::title).containsExactlyElementsOf(titles);
    }

    @Test
    void eachPanelComputesTheQueriesAndLegendsItsTargetsHold() throws IOException {
        JsonNode panels = dashboard().path("panels");
        List<DashboardPanel> ours = DashboardPanels.all();

        for (int i = 0; i < ours.size(); i++) {
            List<String> queries = new ArrayList<>();
            List<String> legends = new ArrayList<>();
            panels.get(i).path("targets").forEach(target -> {
                queries.add(target.path("expr").asText());
                legends.add(target.path("legendFormat").asText());
            });
            assertThat(ours.get(i).queries()).as(ours.get(i).title()).containsExactlyElementsOf(queries);
            assertThat(ours.get(i).legends()).as(ours.get(i).title()).containsExactlyElementsOf(legends);
            assertThat(ours.get(i).unit().grafana()).as(ours.get(i).title())
                    .isEqualTo(panels.get(i).path("fieldConfig").path("defaults").path("unit").asText());
        }
    }

    @Test
    void theStyleOfEachPanelIsTheDashboards() throws IOException {
        JsonNode panels = dashboard().path("panels");
        List<DashboardPanel> ours = DashboardPanels.all();

        for (int i = 0; i < ours.size(); i++) {
            JsonNode custom = panels.get(i).path("fieldConfig").path("defaults").path("custom");
            DashboardPanel.Style expected = custom.path("drawStyle").asText().equals("bars") ? DashboardPanel.Style.BARS
                    : custom.path("stacking").path("mode").asText().equals("normal") ? DashboardPanel.Style.STACKED
                    : DashboardPanel.Style.LINES;
            assertThat(ours.get(i).style()).as(ours.get(i).title()).isEqualTo(expected);
        }
    }

    @Test
    void theScrapesKeepEveryMetricAQueryReads() {
        for (DashboardPanel panel : DashboardPanels.all()) {
            for (String query : panel.queries()) {
                assertThat(DashboardPanels.METRICS).as(query).anyMatch(query::contains);
            }
        }
    }

    @Test
    void everyPanelIsDrawnWithTheSeriesItsQueriesGive() {
        List<MetricsScrape> scrapes = scrapes();

        for (DashboardPanel panel : DashboardPanels.all()) {
            XYChart chart = SoakDashboard.chart(panel, scrapes);
            assertThat(chart.getTitle()).isEqualTo(panel.title());
            assertThat(chart.getSeriesMap()).as(panel.title()).isNotEmpty().doesNotContainKey("no data in this run");
        }
        assertThat(SoakDashboard.chart(DashboardPanels.all().get(3), scrapes).getSeriesMap().keySet()).containsExactlyInAnyOrder(
                "onboarding-login p50", "onboarding-login p95", "onboarding-login p99", "user-login p50", "user-login p95", "user-login p99");
        assertThat(SoakDashboard.chart(DashboardPanels.all().get(2), scrapes).getSeriesMap().keySet()).containsExactlyInAnyOrder(
                "user-login: invalid_credentials", "user-login: credential_locked", "partner-login: replayed");
        assertThat(SoakDashboard.chart(DashboardPanels.all().get(7), scrapes).getSeriesMap().keySet())
                .containsExactlyInAnyOrder("login", "login invalid_user_credentials");
    }

    @Test
    void thePictureHoldsEveryPanelTwoAcross() throws IOException {
        byte[] png = SoakDashboard.png(DashboardPanels.all(), scrapes(), "What the dashboard shows, drawn from a soak run");

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(2 * 900);
        assertThat(image.getHeight()).isEqualTo(64 + 4 * 460);
    }

    @Test
    void aPanelWithNothingToShowSaysSo() {
        XYChart chart = SoakDashboard.chart(DashboardPanels.all().get(6), List.of(new MetricsScrape(0, List.of()),
                new MetricsScrape(15, List.of())));

        assertThat(chart.getSeriesMap()).containsOnlyKeys("no data in this run");
    }

    @Test
    void seriesWhoseShortenedLegendsAreAlikeAreAllDrawnNumbered() {
        List<MetricSample> first = new ArrayList<>();
        List<MetricSample> later = new ArrayList<>();
        for (String error : List.of("authentication_session_not_found_a", "authentication_session_not_found_b")) {
            Map<String, String> labels = Map.of("realm", "demo", "event", "update_credential", "error", error);
            first.add(new MetricSample(DashboardPanels.KEYCLOAK_EVENTS, labels, 1));
            later.add(new MetricSample(DashboardPanels.KEYCLOAK_EVENTS, labels, 16));
        }
        DashboardPanel events = DashboardPanels.all().stream().filter(p -> p.title().equals("Keycloak user events"))
                .findFirst().orElseThrow();

        XYChart chart = SoakDashboard.chart(events, List.of(new MetricsScrape(0, first), new MetricsScrape(15, later)));

        assertThat(chart.getSeriesMap()).hasSize(2);
        assertThat(chart.getSeriesMap().keySet()).allSatisfy(name -> assertThat(name).hasSizeLessThanOrEqualTo(34)
                .startsWith("update_credential authentic"));
        assertThat(chart.getSeriesMap().keySet()).anySatisfy(name -> assertThat(name).endsWith("(2)"));
    }

    @Test
    void aLegendIsGrafanasFormatFilledInAndALongOneIsShortened() {
        assertThat(DashboardPanel.legend("{{api}}: {{outcome}}", Map.of("api", "user-login", "outcome", "replayed")))
                .isEqualTo("user-login: replayed");
        assertThat(DashboardPanel.legend("{{event}} {{error}}", Map.of("event", "login", "error", ""))).isEqualTo("login");
        assertThat(SoakDashboard.legend("91f5evhk72f56432ec678sdfes685h42sd2t21k430912508233b7r37562g2hps: success"))
                .hasSize(34).startsWith("91f5evhk72f5").endsWith("…");
    }
}
