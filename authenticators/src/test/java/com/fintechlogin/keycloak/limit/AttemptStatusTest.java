package com.fintechlogin.keycloak.limit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AttemptStatusTest {

    private static final long NOW = 1_800_000_000_000L;
    private static final AttemptPolicy FIVE_FOR_A_MINUTE = new AttemptPolicy(5, 60_000);
    /** Two temporary locks, then one until an admin unlocks. */
    private static final AttemptPolicy ESCALATING = FIVE_FOR_A_MINUTE.escalatingAfter(2);

    @Test
    void aCounterThatNeverFailedLeavesTheWholeLimit() {
        assertThat(AttemptStatus.clean(FIVE_FOR_A_MINUTE))
                .isEqualTo(new AttemptStatus(0, false, AttemptStatus.NOT_LOCKED, 5, 0));
        assertThat(AttemptStatus.of(0, 0, 0, 0L, NOW, FIVE_FOR_A_MINUTE)).isEqualTo(AttemptStatus.clean(FIVE_FOR_A_MINUTE));
    }

    @Test
    void failuresBelowTheLimitLeaveTheRest() {
        assertThat(AttemptStatus.of(4, 0, 0, 0L, NOW, FIVE_FOR_A_MINUTE))
                .isEqualTo(new AttemptStatus(4, false, AttemptStatus.NOT_LOCKED, 1, 0));
    }

    @Test
    void aLockInForceRefusesUntilItEnds() {
        AttemptStatus locked = AttemptStatus.of(5, NOW + 1, 1, 0L, NOW, FIVE_FOR_A_MINUTE);

        assertThat(locked).isEqualTo(new AttemptStatus(5, true, NOW + 1, 0, 1));
        assertThat(locked.untilAdminUnlock()).isFalse();
    }

    @Test
    void anEndedLockCountsAsNoLockAndNoFailuresButStaysAmongTheConsecutiveLocks() {
        assertThat(AttemptStatus.of(5, NOW, 1, 0L, NOW, FIVE_FOR_A_MINUTE)).as("ends at its own millisecond")
                .isEqualTo(new AttemptStatus(0, false, AttemptStatus.NOT_LOCKED, 5, 1));
        assertThat(AttemptStatus.of(5, NOW - 30_000, 2, 0L, NOW, FIVE_FOR_A_MINUTE))
                .isEqualTo(new AttemptStatus(0, false, AttemptStatus.NOT_LOCKED, 5, 2));
    }

    @Test
    void aLockUntilAdminUnlockNeverEnds() {
        AttemptStatus locked = AttemptStatus.of(5, AttemptStatus.UNTIL_ADMIN_UNLOCK, 3, 0L, Long.MAX_VALUE - 1, FIVE_FOR_A_MINUTE);

        assertThat(locked).isEqualTo(new AttemptStatus(5, true, AttemptStatus.UNTIL_ADMIN_UNLOCK, 0, 3));
        assertThat(locked.untilAdminUnlock()).isTrue();
    }

    @Test
    void failuresOverALoweredLimitLockAsTheNextAttemptWouldRecordIt() {
        AttemptPolicy lowered = new AttemptPolicy(3, 60_000);

        assertThat(AttemptStatus.of(4, 0, 0, 0L, NOW, lowered)).isEqualTo(new AttemptStatus(4, true, NOW + 60_000, 0, 1));
        assertThat(AttemptStatus.of(4, 0, 0, 0L, NOW, AttemptPolicy.untilAdminUnlock(3)))
                .isEqualTo(new AttemptStatus(4, true, AttemptStatus.UNTIL_ADMIN_UNLOCK, 0, 1));
        assertThat(AttemptStatus.of(4, 0, 2, 0L, NOW, lowered.escalatingAfter(2)))
                .as("escalating as that attempt would")
                .isEqualTo(new AttemptStatus(4, true, AttemptStatus.UNTIL_ADMIN_UNLOCK, 0, 3));
    }

    @Test
    void aLockReachedAfterTheTemporaryOnesAllowedIsShownAsLasting() {
        assertThat(AttemptStatus.of(5, AttemptStatus.UNTIL_ADMIN_UNLOCK, 3, 0L, NOW, ESCALATING).untilAdminUnlock()).isTrue();
        assertThat(AttemptStatus.of(5, NOW + 60_000, 2, 0L, NOW, ESCALATING).untilAdminUnlock()).isFalse();
    }

    @Test
    void anEndedGrowingLockLeavesOneAttemptAndAQuietTimeForgetsEverything() {
        AttemptPolicy growing = FIVE_FOR_A_MINUTE.growing(LockGrowth.of(LockGrowth.Strategy.LINEAR, 900_000, 43_200_000));

        assertThat(AttemptStatus.of(5, NOW - 1, 2, NOW - 120_001, NOW, growing))
                .isEqualTo(new AttemptStatus(4, false, AttemptStatus.NOT_LOCKED, 1, 2));
        assertThat(AttemptStatus.of(5, NOW - 1, 2, NOW - 43_200_001, NOW, growing)).isEqualTo(AttemptStatus.clean(growing));
        assertThat(AttemptStatus.of(3, 0, 0, NOW - 43_200_001, NOW, growing)).isEqualTo(AttemptStatus.clean(growing));
        assertThat(AttemptStatus.of(5, AttemptStatus.UNTIL_ADMIN_UNLOCK, 2, NOW - 43_200_001, NOW, growing).untilAdminUnlock())
                .as("a lock in force is never forgotten").isTrue();
        assertThat(AttemptStatus.of(4, 0, 1, NOW - 43_200_001, NOW, FIVE_FOR_A_MINUTE).failures())
                .as("a flat policy never forgets").isEqualTo(4);
    }

    @Test
    void failuresOverALoweredLimitLockForTheGrownLength() {
        AttemptPolicy growing = new AttemptPolicy(3, 60_000).growing(LockGrowth.of(LockGrowth.Strategy.LINEAR, 900_000, 0));

        assertThat(AttemptStatus.of(4, 0, 2, NOW - 1, NOW, growing)).isEqualTo(new AttemptStatus(4, true, NOW + 180_000, 0, 3));
    }
}
