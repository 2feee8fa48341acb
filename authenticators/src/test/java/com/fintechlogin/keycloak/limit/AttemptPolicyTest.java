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
}
