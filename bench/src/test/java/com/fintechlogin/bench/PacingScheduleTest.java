package com.fintechlogin.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PacingScheduleTest {

    @Test
    void requestsAreDueAtEvenIntervalsFromTheStart() {
        PacingSchedule schedule = new PacingSchedule(4);

        assertThat(schedule.dueNanos(0)).isZero();
        assertThat(schedule.dueNanos(1)).isEqualTo(250_000_000L);
        assertThat(schedule.dueNanos(2)).isEqualTo(500_000_000L);
    }

    @Test
    void aFractionalRateDoesNotDriftOverALongRun() {
        PacingSchedule schedule = new PacingSchedule(15.0 / 7); // 0.4666… s apart, not a whole number of nanoseconds

        assertThat(schedule.dueNanos(3600)).as("request 3600 is due 3600 × 7 / 15 s = 1680 s after the start")
                .isBetween(1_679_999_999_000L, 1_680_000_001_000L);
    }

    @Test
    void theNumberScheduledInAWindowIsTheRateTimesItsLength() {
        PacingSchedule schedule = new PacingSchedule(7.5);

        assertThat(schedule.countBefore(60_000_000_000L)).isEqualTo(450);
        assertThat(schedule.countBefore(0)).isZero();
        assertThat(schedule.countBefore(1)).isEqualTo(1);
    }

    @Test
    void countBeforeAgreesWithTheDueTimes() {
        PacingSchedule schedule = new PacingSchedule(3.3);
        for (long elapsed = 0; elapsed < 5_000_000_000L; elapsed += 37_000_001L) {
            long count = schedule.countBefore(elapsed);
            if (count > 0) {
                assertThat(schedule.dueNanos(count - 1)).isLessThan(elapsed);
            }
            assertThat(schedule.dueNanos(count)).isGreaterThanOrEqualTo(elapsed);
        }
    }

    @Test
    void aRateThatIsNotAPositiveNumberIsRefused() {
        assertThatThrownBy(() -> new PacingSchedule(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PacingSchedule(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PacingSchedule(Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
    }
}
