package com.fintechlogin.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class RoundsTest {

    private static Measurement window(long requests, long errors, double p50, String error) {
        return new Measurement("seed-004", "Email/password (seed 004)", Group.PASSWORD_BASED, 8, 5.0, requests, errors,
                requests / 5.0, p50, p50 * 2, p50 * 3, error == null ? List.of() : List.of(error));
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
        assertThat(combined.id()).isEqualTo("seed-004");
    }

    @Test
    void nothingToCombineIsRefused() {
        assertThatThrownBy(() -> Rounds.combine(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
