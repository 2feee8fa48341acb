package com.fintechlogin.keycloak.login;

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

    @Test
    void keycloaksUserResourceNamesTheUserItEnabled() {
        assertThat(AttackDetectionUnlock.updatedUser("users/5f1c-user")).isEqualTo("5f1c-user");
        assertThat(AttackDetectionUnlock.updatedUser("users/5f1c-user/")).isEqualTo("5f1c-user");
    }

    @Test
    void otherUserPathsNameNoUpdatedUser() {
        assertThat(AttackDetectionUnlock.updatedUser(null)).isNull();
        assertThat(AttackDetectionUnlock.updatedUser("users")).isNull();
        assertThat(AttackDetectionUnlock.updatedUser("users/5f1c-user/pin")).isNull();
        assertThat(AttackDetectionUnlock.updatedUser("attack-detection/brute-force/users/5f1c-user")).isNull();
        assertThat(AttackDetectionUnlock.updatedUser("usersX/5f1c-user")).isNull();
    }
}
