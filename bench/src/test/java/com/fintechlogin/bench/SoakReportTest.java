package com.fintechlogin.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

class SoakReportTest {

    private static SoakResult result(List<FailureMix.Figures> mix, SoakResult.Dashboard dashboard) {
        SoakPlan plan = new SoakPlan("email-password", "Email/password", 28, true, 2);
        List<SoakSample> samples = List.of(new SoakSample(0, 0, 100L << 20, 0, 0), new SoakSample(1, 60, 101L << 20, 120, 500));
        List<MinuteFigures> figures = List.of(new MinuteFigures("email-password", 1, 120, 0, 0, 120, 0, 110, 150, 180, List.of()));
        return SoakResult.judge("soak", Soak.Options.defaults("http://localhost:8080", Path.of("bench-results"), "./soak.sh --minutes 1"),
                "26.7.3", new Report.Machine("2 cores"), Instant.parse("2026-12-07T15:05:00Z"), "", new SessionRetention(300, 36000, 180),
                List.of(plan), samples, figures, mix, dashboard);
    }

    private static final List<FailureMix.Figures> MIX = List.of(
            new FailureMix.Figures("Email/password, wrong password until locked", 90, 0, 12, List.of()),
            new FailureMix.Figures("Mobile sign-in, unknown mobile", 90, 1, 0, List.of("HTTP 500 /resCode=500 where [HTTP 404 404] is documented")));

    @Test
    void theFailureMixHasItsOwnTableAndVerdict() throws Exception {
        SoakResult result = result(MIX, new SoakResult.Dashboard(true, "Every panel of docs/grafana-dashboard.json, from 25 reads."));

        String markdown = SoakReport.markdown(result);
        assertThat(markdown).contains("#### Expected failures beside the load")
                .contains("| Email/password, wrong password until locked | 90 | 12 | 0 |  |")
                .contains("| Mobile sign-in, unknown mobile | 90 | 0 | 1 | HTTP 500 /resCode=500 where [HTTP 404 404] is documented |")
                .contains("| expected failures as documented | **FAIL** | 1 unexpected answers in 180 requests meant to fail");
        assertThat(markdown).as("the load's own verdict is not the mix's").contains("| zero errors | pass | 0 errors in 120 answered requests");
        JsonNode json = new ObjectMapper().readTree(SoakReport.json(result));
        assertThat(json.path("failureMix")).hasSize(2);
        assertThat(json.path("failureMix").get(1).path("unexpected").asLong()).isEqualTo(1);
        assertThat(result.passed()).isFalse();
    }

    @Test
    void thePictureOfTheDashboardIsLinkedWhenItWasDrawnAndItsAbsenceExplainedWhenNot() throws Exception {
        String drawn = SoakReport.markdown(result(MIX, new SoakResult.Dashboard(true, "Every panel, from 25 reads.")));
        String notDrawn = SoakReport.markdown(result(MIX, new SoakResult.Dashboard(false,
                "soak-dashboard.png not drawn: no metrics at http://localhost:9000/metrics (Connection refused).")));

        assertThat(drawn).contains("#### What the dashboard shows\n\nEvery panel, from 25 reads.\n")
                .contains("![The Grafana dashboard's panels, drawn from this soak](bench-results/soak-dashboard.png)");
        assertThat(notDrawn).contains("soak-dashboard.png not drawn: no metrics at").doesNotContain("](bench-results/soak-dashboard.png)");
        JsonNode json = new ObjectMapper().readTree(SoakReport.json(result(MIX, new SoakResult.Dashboard(false, "not drawn"))));
        assertThat(json.path("dashboard")).isEqualTo(new ObjectMapper().valueToTree(Map.of("drawn", false, "note", "not drawn")));
    }
}
