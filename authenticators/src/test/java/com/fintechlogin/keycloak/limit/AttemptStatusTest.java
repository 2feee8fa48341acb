package com.fintechlogin.keycloak.limit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AttemptStatusTest {

    private static final long NOW = 1_800_000_000_000L;
    private static final AttemptPolicy FIVE_FOR_A_MINUTE = new AttemptPolicy(5, 60_000);

    @Test
    void aCounterThatNeverFailedLeavesTheWholeLimit() {
        assertThat(AttemptStatus.clean(FIVE_FOR_A_MINUTE))
                .isEqualTo(new AttemptStatus(0, false, AttemptStatus.NOT_LOCKED, 5));
        assertThat(AttemptStatus.of(0, 0, NOW, FIVE_FOR_A_MINUTE)).isEqualTo(AttemptStatus.clean(FIVE_FOR_A_MINUTE));
    }

    @Test
    void failuresBelowTheLimitLeaveTheRest() {
        assertThat(AttemptStatus.of(4, 0, NOW, FIVE_FOR_A_MINUTE))
                .isEqualTo(new AttemptStatus(4, false, AttemptStatus.NOT_LOCKED, 1));
    }

    @Test
    void aLockInForceRefusesUntilItEnds() {
        assertThat(AttemptStatus.of(5, NOW + 1, NOW, FIVE_FOR_A_MINUTE))
                .isEqualTo(new AttemptStatus(5, true, NOW + 1, 0));
    }

    @Test
    void anEndedLockCountsAsNoLockAndNoFailures() {
        assertThat(AttemptStatus.of(5, NOW, NOW, FIVE_FOR_A_MINUTE)).as("ends at its own millisecond")
                .isEqualTo(AttemptStatus.clean(FIVE_FOR_A_MINUTE));
        assertThat(AttemptStatus.of(5, NOW - 30_000, NOW, FIVE_FOR_A_MINUTE))
                .isEqualTo(AttemptStatus.clean(FIVE_FOR_A_MINUTE));
    }

    @Test
    void aLockUntilAdminUnlockNeverEnds() {
        assertThat(AttemptStatus.of(5, AttemptStatus.UNTIL_ADMIN_UNLOCK, Long.MAX_VALUE - 1, FIVE_FOR_A_MINUTE))
                .isEqualTo(new AttemptStatus(5, true, AttemptStatus.UNTIL_ADMIN_UNLOCK, 0));
    }

    @Test
    void failuresOverALoweredLimitLockAsTheNextAttemptWouldRecordIt() {
        AttemptPolicy lowered = new AttemptPolicy(3, 60_000);

        assertThat(AttemptStatus.of(4, 0, NOW, lowered)).isEqualTo(new AttemptStatus(4, true, NOW + 60_000, 0));
        assertThat(AttemptStatus.of(4, 0, NOW, AttemptPolicy.untilAdminUnlock(3)))
                .isEqualTo(new AttemptStatus(4, true, AttemptStatus.UNTIL_ADMIN_UNLOCK, 0));
    }
}
