package com.fintechlogin.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PrometheusTextTest {

    private static final String SCRAPE = """
            # HELP fintech_login_attempts Login attempts per realm, API (or Keycloak route), client and outcome
            # TYPE fintech_login_attempts counter
            fintech_login_attempts_total{api="user-login",client="user-api",outcome="success",realm="demo"} 12.0
            fintech_login_attempts_total{api="get-token",client="unknown",outcome="client_refused",realm="master"} 3.0

            fintech_login_duration_seconds_bucket{api="user-login",client="user-api",outcome="success",realm="demo",le="0.025"} 7.0
            fintech_login_duration_seconds_bucket{api="user-login",client="user-api",outcome="success",realm="demo",le="+Inf"} 12.0
            keycloak_user_events_total{error="",event="user_disabled_by_temporary_lockout",realm="demo"} 8.0
            process_uptime_seconds 1234.5
            jvm_odd{text="a \\"quoted\\" back\\\\slash\\nnewline", spaced = "x" , } 1e3 1700000000000
            weird_value{k="v"} NaN
            """;

    @Test
    void aSampleIsItsNameSortedLabelsAndValue() {
        List<MetricSample> samples = PrometheusText.parse(SCRAPE);

        assertThat(samples).hasSize(8);
        assertThat(samples.get(0)).isEqualTo(new MetricSample("fintech_login_attempts_total",
                Map.of("api", "user-login", "client", "user-api", "outcome", "success", "realm", "demo"), 12.0));
        assertThat(samples.get(0).labels().keySet()).containsExactly("api", "client", "outcome", "realm");
    }

    @Test
    void commentsAndBlankLinesAreSkipped() {
        assertThat(PrometheusText.parse(SCRAPE)).extracting(MetricSample::name).doesNotContain("#", "").noneMatch(String::isBlank);
    }

    @Test
    void infinityAndNotANumberReadAsTheDoublesTheyName() {
        List<MetricSample> samples = PrometheusText.parse(SCRAPE);

        assertThat(samples.get(3).label("le")).isEqualTo("+Inf");
        assertThat(samples.get(7).value()).isNaN();
        assertThat(PrometheusText.parse("x{le=\"+Inf\"} +Inf\ny -Inf\n")).extracting(MetricSample::value)
                .containsExactly(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);
    }

    @Test
    void aMetricWithoutLabelsHasNone() {
        MetricSample uptime = PrometheusText.parse(SCRAPE).get(5);

        assertThat(uptime.name()).isEqualTo("process_uptime_seconds");
        assertThat(uptime.labels()).isEmpty();
        assertThat(uptime.value()).isEqualTo(1234.5);
    }

    @Test
    void labelValuesAreUnescapedAndSpacesAndATrailingCommaAndATimestampAreAllowed() {
        MetricSample odd = PrometheusText.parse(SCRAPE).get(6);

        assertThat(odd.labels()).containsExactly(Map.entry("spaced", "x"), Map.entry("text", "a \"quoted\" back\\slash\nnewline"));
        assertThat(odd.value()).isEqualTo(1000.0);
    }

    @Test
    void anEmptyLabelValueIsKeptEmpty() {
        assertThat(PrometheusText.parse(SCRAPE).get(4).labels()).containsEntry("error", "");
    }

    @Test
    void onlyTheSamplesAskedForAreKept() {
        List<MetricSample> demo = PrometheusText.parse(SCRAPE, sample -> "demo".equals(sample.labels().get("realm"))
                && DashboardPanels.METRICS.contains(sample.name()));

        assertThat(demo).extracting(MetricSample::name).containsExactly("fintech_login_attempts_total",
                "fintech_login_duration_seconds_bucket", "fintech_login_duration_seconds_bucket", "keycloak_user_events_total");
    }

    @Test
    void aLineThatIsNoSampleIsRefusedWithItsLineNumber() {
        assertThatThrownBy(() -> PrometheusText.parse("# fine\nbroken{label=unquoted} 1\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 2");
        assertThatThrownBy(() -> PrometheusText.parse("no_value\n")).isInstanceOf(IllegalArgumentException.class);
    }
}
