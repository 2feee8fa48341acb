package com.fintechlogin.keycloak.it.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The dashboard check finds every metric a query reads, and nothing else: no function, label, variable or duration. */
class DashboardQueriesTest {

    @Test
    void metricNamesAreWhatAQueryReads() {
        assertThat(DashboardQueries.metricNames("histogram_quantile(0.95, sum by (api, le) "
                + "(rate(fintech_login_duration_seconds_bucket{realm=~\"$realm\", api!=\"x\"}[$__rate_interval])))"))
                .containsExactly("fintech_login_duration_seconds_bucket");
        assertThat(DashboardQueries.metricNames("sum by (api) (rate(a_total{realm=\"${realm}\"}[5m])) / on (api) group_left "
                + "sum by (api) (rate(b_total[1h] offset 1d)) > bool 1e3"))
                .containsExactly("a_total", "b_total");
        assertThat(DashboardQueries.metricNames("label_values(fintech_login_attempts_total{realm=~\".+\"}, realm)"))
                .containsExactly("fintech_login_attempts_total");
        assertThat(DashboardQueries.metricNames("up")).containsExactly("up");
        assertThat(DashboardQueries.metricNames("label_values(realm)")).isEmpty();
    }
}
