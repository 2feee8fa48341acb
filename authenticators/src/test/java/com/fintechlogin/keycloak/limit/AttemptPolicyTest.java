package com.fintechlogin.keycloak.limit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class AttemptPolicyTest {

    private static final long NOW = 1_800_000_000_000L;

    @Test
    void limitMustBeAtLeastOne() {
        assertThatThrownBy(() -> new AttemptPolicy(0, 60_000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AttemptPolicy(-5, 60_000)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new AttemptPolicy(1, 60_000).limit()).isEqualTo(1);
    }

    @Test
    void aTemporaryLockEndsLockMillisAfterTheAttemptThatReachedTheLimit() {
        AttemptPolicy policy = AttemptPolicy.of(5, Duration.ofMinutes(15));

        assertThat(policy.permanentLock()).isFalse();
        assertThat(policy.lockedUntil(NOW, 0)).isEqualTo(NOW + 900_000L);
    }

    @Test
    void aZeroOrNegativeLockLastsUntilAnAdminUnlocks() {
        assertThat(new AttemptPolicy(5, 0).permanentLock()).isTrue();
        assertThat(new AttemptPolicy(5, -1)).isEqualTo(AttemptPolicy.untilAdminUnlock(5));
        assertThat(AttemptPolicy.of(5, Duration.ZERO).permanentLock()).isTrue();
        assertThat(AttemptPolicy.untilAdminUnlock(5).lockedUntil(NOW, 0)).isEqualTo(AttemptStatus.UNTIL_ADMIN_UNLOCK);
    }

    @Test
    void aLockTooLongForTheClockSaturatesInsteadOfOverflowing() {
        AttemptPolicy policy = new AttemptPolicy(3, Long.MAX_VALUE - 1);

        assertThat(policy.lockedUntil(NOW, 0)).isEqualTo(AttemptStatus.UNTIL_ADMIN_UNLOCK);
    }

    @Test
    void withoutEscalationEveryLockEndsByItself() {
        AttemptPolicy policy = AttemptPolicy.of(5, Duration.ofMinutes(1));

        assertThat(policy.temporaryLocks()).isEqualTo(AttemptPolicy.UNLIMITED_TEMPORARY_LOCKS);
        assertThat(policy.lockedUntil(NOW, 1_000_000)).isEqualTo(NOW + 60_000L);
    }

    @Test
    void theLockAfterTheTemporaryOnesAllowedLastsUntilAnAdminUnlocks() {
        AttemptPolicy policy = AttemptPolicy.of(5, Duration.ofMinutes(1)).escalatingAfter(3);

        assertThat(policy.lockedUntil(NOW, 0)).as("first lock").isEqualTo(NOW + 60_000L);
        assertThat(policy.lockedUntil(NOW, 2)).as("third lock").isEqualTo(NOW + 60_000L);
        assertThat(policy.lockedUntil(NOW, 3)).as("fourth lock").isEqualTo(AttemptStatus.UNTIL_ADMIN_UNLOCK);
        assertThat(policy.lockedUntil(NOW, 7)).isEqualTo(AttemptStatus.UNTIL_ADMIN_UNLOCK);
        assertThat(AttemptPolicy.of(5, Duration.ofMinutes(1)).escalatingAfter(0).lockedUntil(NOW, 0))
                .as("no temporary lock allowed: the first one lasts").isEqualTo(AttemptStatus.UNTIL_ADMIN_UNLOCK);
    }

    @Test
    void temporaryLocksCannotBeNegative() {
        assertThatThrownBy(() -> new AttemptPolicy(5, 60_000, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void linearGrowthAddsTheFirstLocksLengthToEachLockUntilTheCap() {
        AttemptPolicy policy = AttemptPolicy.of(5, Duration.ofMinutes(1))
                .growing(LockGrowth.of(LockGrowth.Strategy.LINEAR, 900_000, LockGrowth.NEVER_FORGETS));

        assertThat(policy.lockedUntil(NOW, 0)).as("first lock").isEqualTo(NOW + 60_000L);
        assertThat(policy.lockedUntil(NOW, 1)).as("second lock").isEqualTo(NOW + 120_000L);
        assertThat(policy.lockedUntil(NOW, 13)).as("fourteenth lock").isEqualTo(NOW + 840_000L);
        assertThat(policy.lockedUntil(NOW, 14)).as("fifteenth lock, at the cap").isEqualTo(NOW + 900_000L);
        assertThat(policy.lockedUntil(NOW, 15)).as("capped").isEqualTo(NOW + 900_000L);
        assertThat(policy.lockedUntil(NOW, 1_000_000)).as("capped, whatever the count").isEqualTo(NOW + 900_000L);
    }

    @Test
    void multipleGrowthAddsTheFirstLocksLengthEveryLimitLocks() {
        AttemptPolicy policy = AttemptPolicy.of(5, Duration.ofMinutes(1))
                .growing(LockGrowth.of(LockGrowth.Strategy.MULTIPLE, 900_000, LockGrowth.NEVER_FORGETS));

        // Keycloak: the n-th failure (n >= 5) waits 60 s × ⌊n / 5⌋; the k-th lock is failure 4 + k.
        for (int locksBefore = 0; locksBefore < 80; locksBefore++) {
            long failure = 5 + locksBefore;
            long keycloaksWait = Math.min(900_000L, 60_000L * (failure / 5));
            assertThat(policy.lockMillis(locksBefore)).as("lock %d", locksBefore + 1).isEqualTo(keycloaksWait);
        }
    }

    @Test
    void linearGrowthMatchesKeycloaksWaitForEveryFailurePastTheFactor() {
        AttemptPolicy policy = AttemptPolicy.of(5, Duration.ofMinutes(1))
                .growing(LockGrowth.of(LockGrowth.Strategy.LINEAR, 900_000, LockGrowth.NEVER_FORGETS));

        // Keycloak: the n-th failure (n >= 5) waits 60 s × (1 + n − 5); the k-th lock is failure 4 + k.
        for (int locksBefore = 0; locksBefore < 30; locksBefore++) {
            long failure = 5 + locksBefore;
            long keycloaksWait = Math.min(900_000L, 60_000L * (1 + failure - 5));
            assertThat(policy.lockMillis(locksBefore)).as("lock %d", locksBefore + 1).isEqualTo(keycloaksWait);
        }
    }

    @Test
    void growthWithoutACapSaturatesInsteadOfOverflowing() {
        AttemptPolicy policy = new AttemptPolicy(3, Long.MAX_VALUE / 2)
                .growing(LockGrowth.of(LockGrowth.Strategy.LINEAR, LockGrowth.NO_CAP, LockGrowth.NEVER_FORGETS));

        assertThat(policy.lockMillis(0)).isEqualTo(Long.MAX_VALUE / 2);
        assertThat(policy.lockMillis(2)).isEqualTo(Long.MAX_VALUE);
        assertThat(policy.lockedUntil(NOW, 2)).isEqualTo(AttemptStatus.UNTIL_ADMIN_UNLOCK);
        assertThat(new AttemptPolicy(3, 1_000).growing(LockGrowth.of(LockGrowth.Strategy.LINEAR, 0, 0)).lockMillis(1_000_000))
                .as("a zero cap reads as none").isEqualTo(1_000_001_000L);
    }

    @Test
    void aLockNeverLastsLessThanTheFirstEvenUnderASmallerCap() {
        AttemptPolicy policy = new AttemptPolicy(3, 5_000)
                .growing(LockGrowth.of(LockGrowth.Strategy.LINEAR, 2_000, LockGrowth.NEVER_FORGETS));

        assertThat(policy.lockMillis(0)).isEqualTo(5_000);
        assertThat(policy.lockMillis(4)).isEqualTo(5_000);
    }

    @Test
    void growthKeepsEscalationAndEscalationKeepsGrowth() {
        AttemptPolicy policy = AttemptPolicy.of(5, Duration.ofMinutes(1))
                .growing(LockGrowth.of(LockGrowth.Strategy.LINEAR, 900_000, LockGrowth.NEVER_FORGETS))
                .escalatingAfter(2);

        assertThat(policy.lockedUntil(NOW, 1)).as("second lock, grown").isEqualTo(NOW + 120_000L);
        assertThat(policy.lockedUntil(NOW, 2)).as("third lock").isEqualTo(AttemptStatus.UNTIL_ADMIN_UNLOCK);
        assertThat(policy.neverEscalating().lockedUntil(NOW, 2)).isEqualTo(NOW + 180_000L);
        assertThat(AttemptPolicy.untilAdminUnlock(5).growing(policy.growth()).lockedUntil(NOW, 3))
                .as("a policy's own lock until admin unlock does not turn temporary").isEqualTo(AttemptStatus.UNTIL_ADMIN_UNLOCK);
    }

    @Test
    void onlyGrowingLocksLeaveOneWrongCredentialAfterALock() {
        AttemptPolicy flat = AttemptPolicy.of(5, Duration.ofMinutes(1));

        assertThat(flat.failuresAfterLock()).isZero();
        assertThat(flat.growing(LockGrowth.of(LockGrowth.Strategy.MULTIPLE, 900_000, 0)).failuresAfterLock()).isEqualTo(4);
        assertThat(new AttemptPolicy(1, 1_000).growing(LockGrowth.of(LockGrowth.Strategy.LINEAR, 0, 0)).failuresAfterLock()).isZero();
    }

    @Test
    void aPolicyForgetsOnlyWhenItsGrowthSaysSo() {
        AttemptPolicy flat = AttemptPolicy.of(5, Duration.ofMinutes(1));

        assertThat(flat.forgetBefore(NOW)).isEqualTo(Long.MIN_VALUE);
        assertThat(flat.growing(LockGrowth.of(LockGrowth.Strategy.LINEAR, 900_000, 43_200_000)).forgetBefore(NOW))
                .isEqualTo(NOW - 43_200_000);
        assertThat(flat.growing(LockGrowth.of(LockGrowth.Strategy.LINEAR, 900_000, -1)).forgetBefore(NOW))
                .as("a negative quiet time reads as never").isEqualTo(Long.MIN_VALUE);
    }
}
