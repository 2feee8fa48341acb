package com.fintechlogin.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class RoundsTest {

    private static Measurement window(long requests, long errors, double p50, String error) {
        return window(requests, errors, p50, error, CpuShares.UNKNOWN);
    }

    private static Measurement window(long requests, long errors, double p50, String error, CpuShares cpu) {
        return new Measurement("email-password", "Email/password", Optional.of(new Target("password-grant", 0.95)), 8, 5.0,
                requests, errors, requests / 5.0, p50, p50 * 2, p50 * 3, error == null ? List.of() : List.of(error), cpu);
    }

    @Test
    void throughputIsPooledOverAllWindows() {
        Measurement combined = Rounds.combine(List.of(window(50, 0, 100, null), window(70, 0, 80, null), window(60, 0, 90, null)));

        assertThat(combined.seconds()).isEqualTo(15.0);
        assertThat(combined.requests()).isEqualTo(180);
        assertThat(combined.perSecond()).isEqualTo(12.0);
    }

    @Test
    void latencyIsTheMedianOfTheWindowsSoOneDisturbedWindowDoesNotMoveIt() {
        Measurement combined = Rounds.combine(List.of(window(50, 0, 100, null), window(70, 0, 900, null), window(60, 0, 90, null)));

        assertThat(combined.p50Millis()).isEqualTo(100.0);
        assertThat(combined.p99Millis()).isEqualTo(300.0);
    }

    @Test
    void errorsAddUpAndTheFirstOnesAreKept() {
        Measurement combined = Rounds.combine(List.of(window(10, 1, 5, "HTTP 500: a"), window(10, 2, 5, "HTTP 500: b")));

        assertThat(combined.errors()).isEqualTo(3);
        assertThat(combined.firstErrors()).containsExactly("HTTP 500: a", "HTTP 500: b");
        assertThat(combined.id()).isEqualTo("email-password");
    }

    @Test
    void cpuSharesAreAveragedOverTheWindowsAndAWindowWithoutThemIsLeftOut() {
        Measurement combined = Rounds.combine(List.of(window(10, 0, 5, null, new CpuShares(0.02, 0.80, 0.10)),
                window(10, 0, 5, null, new CpuShares(0.04, 0.70, Double.NaN)), window(10, 0, 5, null, CpuShares.UNKNOWN)));

        assertThat(combined.cpu().generator()).isCloseTo(0.03, within(1e-9));
        assertThat(combined.cpu().server()).isCloseTo(0.75, within(1e-9));
        assertThat(combined.cpu().database()).isCloseTo(0.10, within(1e-9));
    }

    @Test
    void nothingToCombineIsRefused() {
        assertThatThrownBy(() -> Rounds.combine(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
