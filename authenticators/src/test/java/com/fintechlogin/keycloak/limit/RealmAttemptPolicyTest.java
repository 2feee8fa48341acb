package com.fintechlogin.keycloak.limit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.RealmRepresentation.BruteForceStrategy;

/** The realm's brute-force settings, as the admin console shows them, read as the password's attempt policy. */
class RealmAttemptPolicyTest {

    private static final long NOW = 1_800_000_000_000L;

    /** The demo realm: failure factor 5, wait increment 60 s, max wait 900 s, max delta 12 h, no permanent lockout. */
    private static AttemptPolicy demo(BruteForceStrategy strategy) {
        return RealmAttemptPolicy.of(false, 0, 5, 60, 900, 43_200, strategy);
    }

    @Test
    void theDemoRealmsLocksGrowByAMinuteEveryFiveLocksUpToFifteenMinutes() {
        AttemptPolicy policy = demo(null);

        assertThat(policy.limit()).isEqualTo(5);
        assertThat(policy.growth().strategy()).as("Keycloak's default strategy").isEqualTo(LockGrowth.Strategy.MULTIPLE);
        assertThat(policy.lockMillis(0)).isEqualTo(60_000);
        assertThat(policy.lockMillis(4)).isEqualTo(60_000);
        assertThat(policy.lockMillis(5)).isEqualTo(120_000);
        assertThat(policy.lockMillis(70)).isEqualTo(900_000);
        assertThat(policy.lockMillis(1_000)).isEqualTo(900_000);
        assertThat(policy.failuresAfterLock()).as("one wrong password after each lock").isEqualTo(4);
        assertThat(policy.forgetBefore(NOW)).isEqualTo(NOW - 43_200_000L);
        assertThat(policy.temporaryLocks()).isEqualTo(AttemptPolicy.UNLIMITED_TEMPORARY_LOCKS);
    }

    @Test
    void someoneWhoWaitsOutEveryLockGetsAboutAHundredGuessesADayNotSevenThousand() {
        AttemptPolicy policy = demo(BruteForceStrategy.MULTIPLE);
        long day = 86_400_000L;
        int firstDay = policy.limit();
        int secondDay = 0;
        long time = 0;
        // Each lock ends, one wrong password is evaluated, and it sets the next, longer lock.
        for (int locksBefore = 0; ; locksBefore++) {
            time += policy.lockMillis(locksBefore);
            if (time >= 2 * day) {
                break;
            }
            if (time < day) {
                firstDay++;
            } else {
                secondDay++;
            }
        }

        assertThat(firstDay).as("the first day, locks still growing").isEqualTo(135);
        assertThat(secondDay).as("every day after: one per 15 minutes").isEqualTo(96);
    }

    @Test
    void theLinearStrategyGrowsByAnIncrementEveryLock() {
        AttemptPolicy policy = RealmAttemptPolicy.of(false, 0, 3, 2, 5, 43_200, BruteForceStrategy.LINEAR);

        assertThat(policy.lockMillis(0)).isEqualTo(2_000);
        assertThat(policy.lockMillis(1)).isEqualTo(4_000);
        assertThat(policy.lockMillis(2)).as("capped by the max wait").isEqualTo(5_000);
    }

    @Test
    void aPermanentLockoutWithoutTemporaryOnesLocksUntilAnAdminUnlocksAndNeverForgets() {
        AttemptPolicy policy = RealmAttemptPolicy.of(true, 0, 5, 60, 900, 43_200, BruteForceStrategy.LINEAR);

        assertThat(policy).isEqualTo(AttemptPolicy.untilAdminUnlock(5));
        assertThat(policy.forgetBefore(NOW)).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void aPermanentLockoutAfterTemporaryOnesGrowsThemAndThenLasts() {
        AttemptPolicy policy = RealmAttemptPolicy.of(true, 2, 5, 60, 900, 43_200, BruteForceStrategy.LINEAR);

        assertThat(policy.lockedUntil(NOW, 0)).isEqualTo(NOW + 60_000);
        assertThat(policy.lockedUntil(NOW, 1)).isEqualTo(NOW + 120_000);
        assertThat(policy.lockedUntil(NOW, 2)).isEqualTo(AttemptStatus.UNTIL_ADMIN_UNLOCK);
    }

    @Test
    void settingsKeycloakWouldReadAsNoLockReadAsTheSafeOnes() {
        AttemptPolicy zeroes = RealmAttemptPolicy.of(false, 0, 0, 0, 0, 0, BruteForceStrategy.LINEAR);

        assertThat(zeroes.limit()).as("a failure factor of 0").isEqualTo(1);
        assertThat(zeroes.lockMillis(0)).as("a wait increment of 0").isEqualTo(1_000);
        assertThat(zeroes.lockMillis(9)).as("a max wait of 0 caps nothing").isEqualTo(10_000);
        assertThat(zeroes.forgetBefore(NOW)).as("a max delta of 0 forgets nothing").isEqualTo(Long.MIN_VALUE);
        assertThat(RealmAttemptPolicy.of(false, 0, 5, 120, 30, 0, null).lockMillis(3))
                .as("a max wait below the increment is every lock's length").isEqualTo(30_000);
    }
}
