package com.fintechlogin.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SoakPlanTest {

    private static Scenario scenario(String id) {
        return Scenario.baseline(id, id + " label", (worker, n) -> new BenchRequest("GET", URI.create("http://x/"), null, null),
                Success.status2xx());
    }

    @Test
    void eachApiIsOfferedHalfItsCapacityDividedByTheNumberOfApis() {
        List<SoakPlan> plans = SoakPlan.of(List.of(scenario("a"), scenario("b")), Map.of(), Map.of("a", 40.0, "b", 400.0));

        assertThat(plans).extracting(SoakPlan::perSecond).containsExactly(10.0, 100.0);
        assertThat(plans).allMatch(SoakPlan::capacityMeasured);
    }

    @Test
    void aGivenCapacityWinsOverAMeasuredOne() {
        List<SoakPlan> plans = SoakPlan.of(List.of(scenario("a")), Map.of("a", 10.0), Map.of("a", 99.0));

        assertThat(plans.get(0).capacityPerSecond()).isEqualTo(10.0);
        assertThat(plans.get(0).capacityMeasured()).isFalse();
        assertThat(plans.get(0).perSecond()).isEqualTo(5.0);
    }

    @Test
    void anApiWithoutACapacityIsRefused() {
        assertThatThrownBy(() -> SoakPlan.of(List.of(scenario("a")), Map.of(), Map.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
