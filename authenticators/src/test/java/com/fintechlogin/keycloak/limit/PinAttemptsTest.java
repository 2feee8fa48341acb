package com.fintechlogin.keycloak.limit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PinAttemptsTest {

    private static final AttemptPolicy REALM = AttemptPolicy.of(5, Duration.ofSeconds(60));
    /** The realm's maximum temporary lockouts, unset (Keycloak's 0). */
    private static final int UNSET = 0;
    /** {@link #REALM} with the PIN's default escalation. */
    private static final AttemptPolicy PIN = REALM.escalatingAfter(3);

    private static AttemptPolicy policy(List<Map<String, String>> overrides) {
        return PinAttempts.policy("demo", REALM, UNSET, overrides);
    }

    @Test
    void withoutOverridesThePinFollowsTheRealm() {
        assertThat(policy(List.of())).isEqualTo(PIN);
        assertThat(policy(List.of(Map.of("requireRegisteredDevice", "true")))).isEqualTo(PIN);
    }

    @Test
    void aStepOverridesTheLimitAndTheLockSeparately() {
        assertThat(policy(List.of(Map.of(PinAttempts.MAX_ATTEMPTS, "3"))))
                .isEqualTo(AttemptPolicy.of(3, Duration.ofSeconds(60)).escalatingAfter(3));
        assertThat(policy(List.of(Map.of(PinAttempts.LOCK_SECONDS, "900"))))
                .isEqualTo(AttemptPolicy.of(5, Duration.ofSeconds(900)).escalatingAfter(3));
    }

    @Test
    void anOverrideMayLoosenTheRealmButSeveralStepsGiveTheStrictest() {
        assertThat(policy(List.of(Map.of(PinAttempts.LOCK_SECONDS, "10"))))
                .isEqualTo(AttemptPolicy.of(5, Duration.ofSeconds(10)).escalatingAfter(3));
        List<Map<String, String>> twoSteps = List.of(
                Map.of(PinAttempts.MAX_ATTEMPTS, "4", PinAttempts.LOCK_SECONDS, "10"),
                Map.of(PinAttempts.MAX_ATTEMPTS, "6", PinAttempts.LOCK_SECONDS, "300"));
        assertThat(policy(twoSteps)).isEqualTo(AttemptPolicy.of(4, Duration.ofSeconds(300)).escalatingAfter(3));
    }

    @Test
    void zeroLockSecondsLocksUntilAnAdminUnlocksAndWinsOverAnyDuration() {
        List<Map<String, String>> twoSteps = List.of(
                Map.of(PinAttempts.LOCK_SECONDS, "0"), Map.of(PinAttempts.LOCK_SECONDS, "3600"));
        assertThat(policy(twoSteps).permanentLock()).isTrue();
    }

    @Test
    void unusableOverridesAreIgnored() {
        List<Map<String, String>> bad = List.of(
                Map.of(PinAttempts.MAX_ATTEMPTS, "0", PinAttempts.LOCK_SECONDS, "-1"),
                Map.of(PinAttempts.MAX_ATTEMPTS, "five", PinAttempts.LOCK_SECONDS, " "));
        assertThat(policy(bad)).isEqualTo(PIN);
        assertThat(policy(List.of(Map.of(PinAttempts.MAX_TEMPORARY_LOCKOUTS, "-1"))).temporaryLocks()).isEqualTo(3);
    }

    @Test
    void pinLocksEscalateAfterThreeTemporaryOnesUnlessTheRealmSetsItsMaximumTemporaryLockouts() {
        assertThat(PinAttempts.policy("demo", REALM, UNSET, List.of()).temporaryLocks()).isEqualTo(3);
        assertThat(PinAttempts.policy("demo", REALM, 5, List.of()).temporaryLocks()).isEqualTo(5);
        // A realm without brute-force detection still limits PINs, and its locks escalate too.
        assertThat(PinAttempts.policy("demo", PinAttempts.DEFAULT, UNSET, List.of()))
                .isEqualTo(AttemptPolicy.of(5, Duration.ofSeconds(900)).escalatingAfter(3));
    }

    @Test
    void aStepSetsTheTemporaryLocksMoreOrFewerAndSeveralStepsGiveTheFewest() {
        assertThat(policy(List.of(Map.of(PinAttempts.MAX_TEMPORARY_LOCKOUTS, "10"))).temporaryLocks()).isEqualTo(10);
        assertThat(policy(List.of(Map.of(PinAttempts.MAX_TEMPORARY_LOCKOUTS, "0"))).temporaryLocks())
                .as("0: the first lock lasts").isZero();
        assertThat(PinAttempts.policy("demo", REALM, 5, List.of(
                Map.of(PinAttempts.MAX_TEMPORARY_LOCKOUTS, "2"), Map.of(PinAttempts.MAX_TEMPORARY_LOCKOUTS, "4")))
                .temporaryLocks()).isEqualTo(2);
    }
}
