package com.fintechlogin.keycloak.limit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class AttackDetectionUnlockTest {

    @Test
    void unlockingOneUserNamesThatUser() {
        assertThat(AttackDetectionUnlock.unlockedUser("attack-detection/brute-force/users/5f1c-user"))
                .contains("5f1c-user");
    }

    @Test
    void unlockingEveryUserNamesNoUser() {
        assertThat(AttackDetectionUnlock.unlockedUser("attack-detection/brute-force/users")).isEqualTo(Optional.empty());
        assertThat(AttackDetectionUnlock.unlockedUser("attack-detection/brute-force/users/")).isEqualTo(Optional.empty());
    }

    @Test
    void otherLoginFailurePathsUnlockNothing() {
        assertThat(AttackDetectionUnlock.unlockedUser(null)).isNull();
        assertThat(AttackDetectionUnlock.unlockedUser("users/5f1c-user")).isNull();
        assertThat(AttackDetectionUnlock.unlockedUser("attack-detection/brute-force/users/a/b")).isNull();
        assertThat(AttackDetectionUnlock.unlockedUser("attack-detection/brute-force/usersX")).isNull();
    }
}
