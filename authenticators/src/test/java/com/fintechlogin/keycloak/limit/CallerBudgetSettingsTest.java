package com.fintechlogin.keycloak.limit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class CallerBudgetSettingsTest {

    private static CallerBudgetSettings read(Map<String, String> attributes) {
        return CallerBudgetSettings.parse("test", attributes::get);
    }

    @Test
    void absentSettingsAreTheDocumentedDefaults() {
        CallerBudgetSettings settings = read(Map.of());

        assertThat(settings.perAddress()).contains(new FailureBudget(100, 60_000));
        assertThat(settings.perClient()).contains(new FailureBudget(1000, 60_000));
    }

    @Test
    void zeroMeansTheDefault() {
        CallerBudgetSettings settings = read(Map.of(CallerBudgetSettings.FAILURES_PER_ADDRESS_ATTRIBUTE, "0",
                CallerBudgetSettings.WINDOW_ATTRIBUTE, "0"));

        assertThat(settings.perAddress()).contains(new FailureBudget(100, 60_000));
    }

    @Test
    void eachBudgetTurnsOffOnItsOwn() {
        CallerBudgetSettings settings = read(Map.of(CallerBudgetSettings.FAILURES_PER_CLIENT_ATTRIBUTE, " Off ",
                CallerBudgetSettings.FAILURES_PER_ADDRESS_ATTRIBUTE, "20", CallerBudgetSettings.WINDOW_ATTRIBUTE, "300"));

        assertThat(settings.perClient()).isEmpty();
        assertThat(settings.perAddress()).contains(new FailureBudget(20, 300_000));
    }

    @Test
    void aTypoNeverTurnsABudgetOff() {
        CallerBudgetSettings settings = read(Map.of(CallerBudgetSettings.FAILURES_PER_ADDRESS_ATTRIBUTE, "of",
                CallerBudgetSettings.FAILURES_PER_CLIENT_ATTRIBUTE, "-5", CallerBudgetSettings.WINDOW_ATTRIBUTE, "off"));

        assertThat(settings.perAddress()).isEqualTo(Optional.of(new FailureBudget(100, 60_000)));
        assertThat(settings.perClient()).isEqualTo(Optional.of(new FailureBudget(1000, 60_000)));
    }

    @Test
    void theAdminChecksTakeWhatTheReaderTakes() {
        assertThat(CallerBudgetSettings.isBudget("off")).isTrue();
        assertThat(CallerBudgetSettings.isBudget("0")).isTrue();
        assertThat(CallerBudgetSettings.isBudget("1000000")).isTrue();
        assertThat(CallerBudgetSettings.isBudget("1000001")).isFalse();
        assertThat(CallerBudgetSettings.isWindow("86400")).isTrue();
        assertThat(CallerBudgetSettings.isWindow("86401")).isFalse();
        assertThat(CallerBudgetSettings.isWindow("off")).isFalse();
    }

    @Test
    void successBudgetsHaveTheirDocumentedDefaultsTheSameWindowAndTurnOffOnTheirOwn() {
        CallerBudgetSettings defaults = read(Map.of());
        assertThat(defaults.successesPerAddress()).contains(new FailureBudget(1000, 60_000));
        assertThat(defaults.successesPerClient()).contains(new FailureBudget(10_000, 60_000));

        CallerBudgetSettings set = read(Map.of(CallerBudgetSettings.SUCCESSES_PER_ADDRESS_ATTRIBUTE, "5",
                CallerBudgetSettings.SUCCESSES_PER_CLIENT_ATTRIBUTE, "OFF", CallerBudgetSettings.WINDOW_ATTRIBUTE, "300"));
        assertThat(set.successesPerAddress()).contains(new FailureBudget(5, 300_000));
        assertThat(set.successesPerClient()).isEmpty();
        assertThat(set.perClient()).as("the failure budget stays on").contains(new FailureBudget(1000, 300_000));
    }

    @Test
    void aSuccessBudgetTakesMoreThanAFailureBudgetAndATypoIsTheDefault() {
        CallerBudgetSettings settings = read(Map.of(CallerBudgetSettings.SUCCESSES_PER_CLIENT_ATTRIBUTE, "10000000",
                CallerBudgetSettings.SUCCESSES_PER_ADDRESS_ATTRIBUTE, "10000001"));

        assertThat(settings.successesPerClient()).contains(new FailureBudget(10_000_000, 60_000));
        assertThat(settings.successesPerAddress()).contains(new FailureBudget(1000, 60_000));
        assertThat(CallerBudgetSettings.isSuccessBudget("10000000")).isTrue();
        assertThat(CallerBudgetSettings.isSuccessBudget("10000001")).isFalse();
        assertThat(CallerBudgetSettings.isSuccessBudget("off")).isTrue();
        assertThat(CallerBudgetSettings.isBudget("10000000")).as("a failure budget's maximum is lower").isFalse();
    }
}
