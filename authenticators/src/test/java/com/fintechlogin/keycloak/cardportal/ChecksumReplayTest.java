package com.fintechlogin.keycloak.cardportal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;

class ChecksumReplayTest {

    private static final String CHECKSUM = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    private static final long NOW = 1_700_000_000_000L;

    @Test
    void timestampsAreEpochMillisecondsInDigits() {
        assertThat(ChecksumReplay.isTimestamp("1700000000000")).isTrue();
        assertThat(ChecksumReplay.isTimestamp("0")).isTrue();
        assertThat(ChecksumReplay.isTimestamp(null)).isFalse();
        assertThat(ChecksumReplay.isTimestamp("")).isFalse();
        assertThat(ChecksumReplay.isTimestamp("-1700000000000")).isFalse();
        assertThat(ChecksumReplay.isTimestamp("1700000000000.5")).isFalse();
        assertThat(ChecksumReplay.isTimestamp(" 1700000000000")).isFalse();
        assertThat(ChecksumReplay.isTimestamp("1234567890123456")).as("16 digits").isFalse();
    }

    @Test
    void windowAppliesOnBothSidesOfTheServersClock() {
        assertThat(ChecksumReplay.withinWindow(NOW, NOW, 60)).isTrue();
        assertThat(ChecksumReplay.withinWindow(NOW - 60_000, NOW, 60)).isTrue();
        assertThat(ChecksumReplay.withinWindow(NOW + 60_000, NOW, 60)).isTrue();
        assertThat(ChecksumReplay.withinWindow(NOW - 60_001, NOW, 60)).isFalse();
        assertThat(ChecksumReplay.withinWindow(NOW + 60_001, NOW, 60)).isFalse();
        assertThat(ChecksumReplay.withinWindow(0, NOW, 60)).isFalse();
        assertThat(ChecksumReplay.withinWindow(999_999_999_999_999L, NOW, 86_400)).isFalse();
    }

    @Test
    void markerLivesUntilTheTimestampLeavesTheWindow() {
        assertThat(ChecksumReplay.markerLifespanSeconds(NOW, NOW, 60)).isEqualTo(60);
        assertThat(ChecksumReplay.markerLifespanSeconds(NOW + 60_000, NOW, 60)).as("ahead of the clock").isEqualTo(120);
        assertThat(ChecksumReplay.markerLifespanSeconds(NOW - 59_500, NOW, 60)).as("rounded up").isEqualTo(1);
        assertThat(ChecksumReplay.markerLifespanSeconds(NOW - 60_000, NOW, 60)).as("at least a second").isEqualTo(1);
    }

    @Test
    void markerIsShortNamespacedAndDoesNotCarryTheChecksum() {
        String marker = ChecksumReplay.marker("realm-id", "client", CHECKSUM);

        assertThat(marker).startsWith("fintech.cs.").hasSize("fintech.cs.".length() + 43).doesNotContain(CHECKSUM.substring(0, 16));
    }

    @Test
    void theSameChecksumInCapitalsIsTheSameMarker() {
        assertThat(ChecksumReplay.marker("realm-id", "client", CHECKSUM.toUpperCase(Locale.ROOT)))
                .isEqualTo(ChecksumReplay.marker("realm-id", "client", CHECKSUM));
    }

    @Test
    void markersOfOtherRealmsOrClientsDiffer() {
        String marker = ChecksumReplay.marker("realm-id", "client", CHECKSUM);

        assertThat(ChecksumReplay.marker("other-realm", "client", CHECKSUM)).isNotEqualTo(marker);
        assertThat(ChecksumReplay.marker("realm-id", "other-client", CHECKSUM)).isNotEqualTo(marker);
        // The separator keeps "a" + "bc" apart from "ab" + "c".
        assertThat(ChecksumReplay.marker("a", "bc", CHECKSUM)).isNotEqualTo(ChecksumReplay.marker("ab", "c", CHECKSUM));
    }
}
