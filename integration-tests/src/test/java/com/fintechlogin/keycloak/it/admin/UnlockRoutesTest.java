package com.fintechlogin.keycloak.it.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fintechlogin.keycloak.it.support.DemoRealm.TestUser;
import com.fintechlogin.keycloak.it.support.DemoRealm;
import com.fintechlogin.keycloak.it.support.FintechServerConfig;
import com.fintechlogin.keycloak.it.support.Http;
import com.fintechlogin.keycloak.it.support.Logins;

import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * Every way an admin lifts a lock, tried on the lock only an admin lifts: the realm's permanent lockout (no temporary
 * lockouts first), reached with 5 wrong passwords. The exact limiter locks the password until an admin unlocks, and
 * Keycloak's attack-detection view shows it; where locks are account-wide ({@code fintech.lockout.account-wide}),
 * Keycloak also disables the user. Each remedy must lift all of it, or the user stays locked out with the right password.
 */
@KeycloakIntegrationTest(config = FintechServerConfig.class)
class UnlockRoutesTest {

    private static final int FAILURE_FACTOR = 5;
    private static final String DEVICE = "anid:unlock-routes-device-0001";

    @InjectRealm(fromJson = DemoRealm.JSON, lifecycle = LifeCycle.GLOBAL)
    ManagedRealm realm;

    @InjectAdminClient
    Keycloak admin;

    private Logins logins() {
        return new Logins(realm);
    }

    /** A user locked out for good: 5 wrong passwords, seen by the limiter at once and by Keycloak once it has recorded them. */
    private TestUser permanentlyLockedUser() throws InterruptedException {
        DemoRealm.setPermanentLockout(realm, 0);
        TestUser user = DemoRealm.newUser(realm);
        for (int i = 0; i < FAILURE_FACTOR; i++) {
            assertThat(logins().emailPassword(user.email(), "wrong-" + i).status()).isEqualTo(401);
        }
        awaitKeycloaksLockout(user);
        assertThat(logins().emailPassword(user.email(), user.password()).status()).as("locked with the right password").isEqualTo(423);
        return user;
    }

    @Test
    void keycloaksUnlockOfTheUserLetsTheRightPasswordIn() throws Exception {
        TestUser user = permanentlyLockedUser();

        realm.admin().attackDetection().clearBruteForceForUser(user.id());

        assertThat(logins().emailPassword(user.email(), user.password()).status()).isEqualTo(200);
    }

    @Test
    void keycloaksUnlockOfAllUsersLetsTheRightPasswordIn() throws Exception {
        TestUser user = permanentlyLockedUser();

        realm.admin().attackDetection().clearAllBruteForce();

        assertThat(logins().emailPassword(user.email(), user.password()).status()).isEqualTo(200);
    }

    @Test
    void enablingTheUserLetsTheRightPasswordIn() throws Exception {
        // Keycloak disables a permanently locked-out user only where locks are account-wide; otherwise the password
        // locks alone and the user stays enabled (LockLanesTest).
        DemoRealm.setRealmAttribute(realm, "fintech.lockout.account-wide", "true");
        TestUser user = permanentlyLockedUser();
        UserRepresentation rep = realm.admin().users().get(user.id()).toRepresentation();
        assertThat(rep.isEnabled()).as("Keycloak disabled the user").isFalse();

        rep.setEnabled(true);
        realm.admin().users().get(user.id()).update(rep);

        assertThat(logins().emailPassword(user.email(), user.password()).status()).isEqualTo(200);
    }

    @Test
    void enablingAUserOfWhomKeycloakHoldsNoFailuresStillClearsTheCounters() throws Exception {
        // Without brute-force detection Keycloak records nothing, and enabling the user announces no unlock of its own;
        // the PIN keeps its limit (5 attempts) all the same.
        DemoRealm.setBruteForceProtected(realm, false);
        String accountNumber = DemoRealm.freshAccountNumber();
        TestUser user = DemoRealm.newUser(realm, Map.of("accountNumber", List.of(accountNumber)),
                List.of(DemoRealm.pin("2580"), DemoRealm.device(DEVICE, false)));
        for (int i = 0; i < 5; i++) {
            assertThat(logins().pinLogin(accountNumber, "1357", DEVICE).json().get("resCode").asText()).isEqualTo("ONB017");
        }
        UserRepresentation rep = realm.admin().users().get(user.id()).toRepresentation();
        rep.setEnabled(false);
        realm.admin().users().get(user.id()).update(rep);

        rep.setEnabled(true);
        realm.admin().users().get(user.id()).update(rep);

        assertThat(logins().pinLogin(accountNumber, "2580", DEVICE).json().get("resCode").asText()).isEqualTo("ONB200");
    }

    @Test
    void theExtensionsUnlockCoversThePasswordToo() throws Exception {
        TestUser user = permanentlyLockedUser();

        assertThat(adminCall("DELETE", user.id(), "pin/lock").status()).isEqualTo(204);

        assertThat(logins().emailPassword(user.email(), user.password()).status()).isEqualTo(200);
    }

    @Test
    void anAdminsEditOfAnEnabledUserLiftsNoLock() throws Exception {
        // A PIN lock that lasts until an admin unlocks, which Keycloak's attack-detection view shows as a lock of the
        // user: an admin who edits the user's name, enabled as they were, did not ask to lift it.
        DemoRealm.configurePinStep(realm, "lockSeconds", "0");
        String accountNumber = DemoRealm.freshAccountNumber();
        TestUser user = DemoRealm.newUser(realm, Map.of("accountNumber", List.of(accountNumber)),
                List.of(DemoRealm.pin("2580"), DemoRealm.device(DEVICE, false)));
        for (int i = 0; i < 5; i++) {
            assertThat(logins().pinLogin(accountNumber, "1357", DEVICE).json().get("resCode").asText()).isEqualTo("ONB017");
        }
        awaitKeycloaksLockout(user);

        UserRepresentation rep = realm.admin().users().get(user.id()).toRepresentation();
        rep.setFirstName("Edited");
        rep.setEnabled(true);
        realm.admin().users().get(user.id()).update(rep);

        assertThat(logins().pinLogin(accountNumber, "2580", DEVICE).json().get("resCode").asText()).isEqualTo("ONB028");
        // Keycloak's view shows the lock again, and its unlock still lifts it.
        awaitKeycloaksLockout(user);
        realm.admin().attackDetection().clearBruteForceForUser(user.id());
        assertThat(logins().pinLogin(accountNumber, "2580", DEVICE).json().get("resCode").asText()).isEqualTo("ONB200");
    }

    private void awaitKeycloaksLockout(TestUser user) throws InterruptedException {
        DemoRealm.awaitKeycloakLockout(realm, user.id());
    }

    private Http.Answer adminCall(String method, String userId, String path) {
        String token = admin.tokenManager().getAccessTokenString();
        return Http.send(method, realm.getBaseUrl().replace("/realms/", "/admin/realms/") + "/fintech/users/" + userId + "/" + path,
                null, null, Map.of("Authorization", "Bearer " + token));
    }
}
