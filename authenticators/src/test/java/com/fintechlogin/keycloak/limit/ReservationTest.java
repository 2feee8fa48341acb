package com.fintechlogin.keycloak.limit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReservationTest {

    @Test
    void aReservedAttemptTellsHowManyRemainIfItFails() {
        Reservation second = new Reservation(Reservation.Outcome.RESERVED, 2, 5, AttemptStatus.NOT_LOCKED, 0);

        assertThat(second.reserved()).isTrue();
        assertThat(second.attemptsLeft()).isEqualTo(3);
    }

    @Test
    void theLastReservedAttemptAlreadyCarriesItsLock() {
        Reservation last = new Reservation(Reservation.Outcome.RESERVED, 5, 5, AttemptStatus.UNTIL_ADMIN_UNLOCK, 4);

        assertThat(last.reserved()).isTrue();
        assertThat(last.attemptsLeft()).isZero();
        assertThat(last.untilAdminUnlock()).isTrue();
    }

    @Test
    void aLockedAttemptLeavesNone() {
        Reservation locked = new Reservation(Reservation.Outcome.LOCKED, 5, 5, 1_800_000_060_000L, 1);

        assertThat(locked.reserved()).isFalse();
        assertThat(locked.attemptsLeft()).isZero();
        assertThat(locked.untilAdminUnlock()).isFalse();
    }
}
