package com.fintechlogin.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallerBudgetToggleTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void onSetsEveryBudgetToTheMostTheRealmTakesPerMinuteSoThatTheBenchmarksLoadIsNeverRefused() {
        assertThat(CallerBudgetToggle.setting(true)).containsExactly(
                java.util.Map.entry("fintech.budget.failures-per-address", "1000000"),
                java.util.Map.entry("fintech.budget.failures-per-client", "1000000"),
                java.util.Map.entry("fintech.budget.successes-per-address", "1000000"),
                java.util.Map.entry("fintech.budget.successes-per-client", "1000000"),
                java.util.Map.entry("fintech.budget.window-seconds", "60"));
        // 1,500 requests a second from one address, the most the bench sends, over the window.
        assertThat(1_500L * Long.parseLong(CallerBudgetToggle.WINDOW)).isLessThan(Long.parseLong(CallerBudgetToggle.MOST));
    }

    @Test
    void pairsOfRoundsAlternateWhichSettingGoesFirstSoThatADriftFavoursNeither() {
        assertThat(CallerBudgetToggle.order(3)).containsExactly(true, false, false, true, true, false);
        assertThat(CallerBudgetToggle.order(1)).containsExactly(true, false);
        // A steady drift of one unit a round: on collects rounds 0, 3, 4; off 1, 2, 5 (on, off, on, … would be 6 to 9).
        List<Boolean> order = CallerBudgetToggle.order(3);
        int on = 0;
        int off = 0;
        for (int round = 0; round < order.size(); round++) {
            if (order.get(round)) {
                on += round;
            } else {
                off += round;
            }
        }
        assertThat(Math.abs(on - off)).isEqualTo(1);
    }

    @Test
    void offTurnsEveryBudgetOff() {
        assertThat(CallerBudgetToggle.setting(false)).containsEntry("fintech.budget.failures-per-address", "off")
                .containsEntry("fintech.budget.failures-per-client", "off")
                .containsEntry("fintech.budget.successes-per-address", "off")
                .containsEntry("fintech.budget.successes-per-client", "off");
    }

    @Test
    void restoringPutsBackTheRealmsValuesAndEmptiesWhatItDidNotSet() throws Exception {
        var attributes = JSON.readTree("""
                {"fintech.budget.failures-per-address": "5", "fintech.budget.window-seconds": "600",
                 "fintech.pin.length": "6"}""");

        assertThat(CallerBudgetToggle.restoring(attributes))
                .containsEntry("fintech.budget.failures-per-address", "5")
                .containsEntry("fintech.budget.window-seconds", "600")
                .as("an attribute the realm did not have reads as not set again")
                .containsEntry("fintech.budget.failures-per-client", "")
                .containsEntry("fintech.budget.successes-per-address", "")
                .containsEntry("fintech.budget.successes-per-client", "")
                .as("only the budgets' attributes are written back")
                .doesNotContainKey("fintech.pin.length")
                .containsOnlyKeys(CallerBudgetToggle.setting(true).keySet());
    }
}
