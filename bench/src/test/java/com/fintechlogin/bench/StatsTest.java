package com.fintechlogin.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StatsTest {

    private static final long MS = 1_000_000;

    @Test
    void percentilesAreTheNearestRankOfTheSortedSamples() {
        // 1..10 ms, shuffled: rank ceil(p/100 * 10)
        Stats stats = Stats.ofNanos(7 * MS, 3 * MS, 10 * MS, 1 * MS, 9 * MS, 2 * MS, 8 * MS, 4 * MS, 6 * MS, 5 * MS);

        assertThat(stats.count()).isEqualTo(10);
        assertThat(stats.percentileNanos(50)).isEqualTo(5 * MS);
        assertThat(stats.percentileNanos(95)).isEqualTo(10 * MS);
        assertThat(stats.percentileNanos(90)).isEqualTo(9 * MS);
        assertThat(stats.percentileNanos(10)).isEqualTo(1 * MS);
        assertThat(stats.percentileNanos(11)).isEqualTo(2 * MS);
        assertThat(stats.percentileNanos(100)).isEqualTo(10 * MS);
        assertThat(stats.percentileMillis(50)).isEqualTo(5.0);
    }

    @Test
    void p99OfAHundredSamplesIsTheNinetyNinthAndNotTheLargest() {
        long[] samples = new long[100];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (100 - i) * MS;
        }

        Stats stats = Stats.ofNanos(samples);

        assertThat(stats.percentileMillis(99)).isEqualTo(99.0);
        assertThat(stats.percentileMillis(50)).isEqualTo(50.0);
    }

    @Test
    void aSingleSampleIsEveryPercentile() {
        Stats stats = Stats.ofNanos(3 * MS);

        assertThat(stats.percentileMillis(1)).isEqualTo(3.0);
        assertThat(stats.percentileMillis(99)).isEqualTo(3.0);
    }

    @Test
    void noSamplesGiveZeroInsteadOfFailing() {
        Stats stats = Stats.ofNanos();

        assertThat(stats.count()).isZero();
        assertThat(stats.percentileNanos(50)).isZero();
        assertThat(stats.percentileMillis(99)).isZero();
    }

    @Test
    void theCallersArrayIsLeftAsItWas() {
        long[] samples = {3, 1, 2};

        Stats.ofNanos(samples);

        assertThat(samples).containsExactly(3, 1, 2);
    }

    @Test
    void percentilesOutsideZeroToHundredAreRefused() {
        Stats stats = Stats.ofNanos(1, 2, 3);

        assertThatThrownBy(() -> stats.percentileNanos(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> stats.percentileNanos(100.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
