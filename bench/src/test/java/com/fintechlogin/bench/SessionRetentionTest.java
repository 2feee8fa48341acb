package com.fintechlogin.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class SessionRetentionTest {

    @Test
    void aSessionStaysItsTimeoutPlusTheCleanerWindowThePurgePeriodAndAMargin() {
        SessionRetention retention = new SessionRetention(300, 36_000, 180);

        assertThat(retention.lifetimeSeconds()).isEqualTo(300);
        assertThat(retention.retentionSeconds()).isEqualTo(300 + 180 + 180 + 60);
    }

    @Test
    void aMaxLifespanShorterThanTheIdleTimeoutEndsSessionsFirst() {
        assertThat(new SessionRetention(3600, 600, 180).lifetimeSeconds()).isEqualTo(600);
    }

    @Test
    void noMaxLifespanLeavesTheIdleTimeoutAlone() {
        assertThat(new SessionRetention(3600, 0, 180).lifetimeSeconds()).isEqualTo(3600);
    }

    @Test
    void theBoundCountsTheSessionsAtTheStartAndTheLoginsWithinTheRetentionWindowOnly() {
        SessionRetention retention = new SessionRetention(60, 0, 60); // retention 60 + 180 + 60 + 60 = 360 s
        long[] loginsPerSecond = new long[1000];
        Arrays.fill(loginsPerSecond, 2);

        assertThat(retention.boundAt(500, loginsPerSecond, 100.5)).as("all logins so far, seconds 0..100").isEqualTo(500 + 2 * 101);
        assertThat(retention.boundAt(500, loginsPerSecond, 900.0)).as("seconds 540..900 only").isEqualTo(500 + 2 * 361);
    }

    @Test
    void theBoundNeverReadsPastTheLoginsRecorded() {
        SessionRetention retention = new SessionRetention(300, 0, 180);

        assertThat(retention.boundAt(0, new long[] {1, 1, 1}, 50)).isEqualTo(3);
    }

    @Test
    void aRealmWithoutAnIdleTimeoutIsRefused() {
        assertThatThrownBy(() -> new SessionRetention(0, 0, 180)).isInstanceOf(IllegalArgumentException.class);
    }
}
