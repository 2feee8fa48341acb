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
}
