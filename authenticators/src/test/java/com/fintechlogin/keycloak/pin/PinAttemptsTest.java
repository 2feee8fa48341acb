package com.fintechlogin.keycloak.pin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fintechlogin.keycloak.limit.AttemptPolicy;

import org.junit.jupiter.api.Test;

class PinAttemptsTest {

    private static final AttemptPolicy REALM = AttemptPolicy.of(5, Duration.ofSeconds(60));

    @Test
    void withoutOverridesThePinFollowsTheRealm() {
        assertThat(PinAttempts.policy("demo", REALM, List.of())).isEqualTo(REALM);
        assertThat(PinAttempts.policy("demo", REALM, List.of(Map.of("requireRegisteredDevice", "true")))).isEqualTo(REALM);
    }

    @Test
    void aStepOverridesTheLimitAndTheLockSeparately() {
        assertThat(PinAttempts.policy("demo", REALM, List.of(Map.of(PinAttempts.MAX_ATTEMPTS, "3"))))
                .isEqualTo(AttemptPolicy.of(3, Duration.ofSeconds(60)));
        assertThat(PinAttempts.policy("demo", REALM, List.of(Map.of(PinAttempts.LOCK_SECONDS, "900"))))
                .isEqualTo(AttemptPolicy.of(5, Duration.ofSeconds(900)));
    }

    @Test
    void anOverrideMayLoosenTheRealmButSeveralStepsGiveTheStrictest() {
        assertThat(PinAttempts.policy("demo", REALM, List.of(Map.of(PinAttempts.LOCK_SECONDS, "10"))))
                .isEqualTo(AttemptPolicy.of(5, Duration.ofSeconds(10)));
        List<Map<String, String>> twoSteps = List.of(
                Map.of(PinAttempts.MAX_ATTEMPTS, "4", PinAttempts.LOCK_SECONDS, "10"),
                Map.of(PinAttempts.MAX_ATTEMPTS, "6", PinAttempts.LOCK_SECONDS, "300"));
        assertThat(PinAttempts.policy("demo", REALM, twoSteps)).isEqualTo(AttemptPolicy.of(4, Duration.ofSeconds(300)));
    }

    @Test
    void zeroLockSecondsLocksUntilAnAdminUnlocksAndWinsOverAnyDuration() {
        List<Map<String, String>> twoSteps = List.of(
                Map.of(PinAttempts.LOCK_SECONDS, "0"), Map.of(PinAttempts.LOCK_SECONDS, "3600"));
        assertThat(PinAttempts.policy("demo", REALM, twoSteps).permanentLock()).isTrue();
    }

    @Test
    void unusableOverridesAreIgnored() {
        List<Map<String, String>> bad = List.of(
                Map.of(PinAttempts.MAX_ATTEMPTS, "0", PinAttempts.LOCK_SECONDS, "-1"),
                Map.of(PinAttempts.MAX_ATTEMPTS, "five", PinAttempts.LOCK_SECONDS, " "));
        assertThat(PinAttempts.policy("demo", REALM, bad)).isEqualTo(REALM);
    }
}
