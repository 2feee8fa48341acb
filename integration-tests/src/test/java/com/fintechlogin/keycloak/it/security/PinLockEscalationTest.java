package com.fintechlogin.keycloak.it.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fintechlogin.keycloak.it.support.AppCrypto;
import com.fintechlogin.keycloak.it.support.DemoRealm.TestUser;
import com.fintechlogin.keycloak.it.support.DemoRealm;
import com.fintechlogin.keycloak.it.support.FintechServerConfig;
import com.fintechlogin.keycloak.it.support.Http;
import com.fintechlogin.keycloak.it.support.Logins;
import com.fintechlogin.keycloak.it.support.TestApps;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * A PIN guessed slowly: an attacker waits out each temporary lock and guesses again. Consecutive locks escalate, so
 * that after the configured number of temporary ones the PIN stays locked until an admin unlocks it or the user resets
 * it after a password login. The timings are shortened: 2 wrong PINs lock it for 1 s, and 2 temporary locks are
 * allowed before the third lasts.
 */
@KeycloakIntegrationTest(config = FintechServerConfig.class)
class PinLockEscalationTest {

    private static final String DEVICE = "anid:escalation-device-0001";
    private static final String PIN = "2580";
    private static final String WRONG_PIN = "1357";
    private static final int ATTEMPTS = 2;
    private static final int TEMPORARY_LOCKS = 2;
    /** Longer than the 1-second lock, by enough for a slow machine. */
    private static final long LOCK_PASSES_MILLIS = 1_600;

    @InjectRealm(fromJson = DemoRealm.JSON, lifecycle = LifeCycle.GLOBAL)
    ManagedRealm realm;

    @InjectAdminClient
    Keycloak admin;

    private record PinUser(TestUser user, String accountNumber) {
    }

    @BeforeEach
    void shortLocksThatEscalateQuickly() {
        DemoRealm.configurePinStep(realm, "maxAttempts", Integer.toString(ATTEMPTS));
        DemoRealm.configurePinStep(realm, "lockSeconds", "1");
        DemoRealm.configurePinStep(realm, "maxTemporaryLockouts", Integer.toString(TEMPORARY_LOCKS));
        // The same wrong PINs feed Keycloak's account lockout (5 failures in the demo): kept out of the way here.
        DemoRealm.setFailureFactor(realm, 50);
    }

    private Logins logins() {
        return new Logins(realm);
    }

    private PinUser pinUser() {
        String accountNumber = DemoRealm.freshAccountNumber();
        TestUser user = DemoRealm.newUser(realm, Map.of("accountNumber", List.of(accountNumber)),
                List.of(DemoRealm.pin(PIN), DemoRealm.device(DEVICE, false)));
        return new PinUser(user, accountNumber);
    }

    private static void assertOnb(Http.Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.json().get("resCode").asText()).as(answer.body()).isEqualTo(code);
    }

    /** Wrong PINs up to the limit: the last one locks the PIN, and the right PIN is refused unread while it lasts. */
    private void lockOnce(PinUser user) {
        for (int i = 0; i < ATTEMPTS; i++) {
            assertOnb(logins().pinLogin(user.accountNumber(), WRONG_PIN, DEVICE), 401, "ONB017");
        }
        assertOnb(logins().pinLogin(user.accountNumber(), PIN, DEVICE), 401, "ONB028");
    }

    /** Every temporary lock the step allows, each waited out, and then the lock that lasts. */
    private void lockUntilAnAdminUnlocks(PinUser user) throws InterruptedException {
        for (int lock = 0; lock < TEMPORARY_LOCKS; lock++) {
            lockOnce(user);
            Thread.sleep(LOCK_PASSES_MILLIS);
        }
        lockOnce(user);
    }

    @Test
    void locksThatFollowOneAnotherEndInALockThatOutlastsItsTime() throws Exception {
        PinUser user = pinUser();

        lockOnce(user);
        JsonNode first = pinStatus(user.user());
        assertThat(first.get("lockouts").asInt()).isEqualTo(1);
        assertThat(first.get("untilAdminUnlock").asBoolean()).isFalse();
        assertThat(first.get("lockedUntil").isNumber()).isTrue();
        Thread.sleep(LOCK_PASSES_MILLIS);
        lockOnce(user);
        Thread.sleep(LOCK_PASSES_MILLIS);
        lockOnce(user);
        Thread.sleep(LOCK_PASSES_MILLIS);

        assertOnb(logins().pinLogin(user.accountNumber(), PIN, DEVICE), 401, "ONB028");
        JsonNode status = pinStatus(user.user());
        assertThat(status.get("locked").asBoolean()).isTrue();
        assertThat(status.get("untilAdminUnlock").asBoolean()).isTrue();
        assertThat(status.get("lockedUntil").isNull()).isTrue();
        assertThat(status.get("lockouts").asInt()).isEqualTo(TEMPORARY_LOCKS + 1);
        assertThat(pinLockEvents("USER_DISABLED_BY_TEMPORARY_LOCKOUT", user.user())).hasSize(TEMPORARY_LOCKS);
        assertThat(pinLockEvents("USER_DISABLED_BY_PERMANENT_LOCKOUT", user.user())).hasSize(1);
    }

    @Test
    void anAdminUnlockEndsTheLastingLockAndStartsTheCountAgain() throws Exception {
        PinUser user = pinUser();
        lockUntilAnAdminUnlocks(user);

        assertThat(adminCall("DELETE", user.user().id(), "pin/lock").status()).isEqualTo(204);

        assertThat(pinStatus(user.user()).get("lockouts").asInt()).isZero();
        assertOnb(logins().pinLogin(user.accountNumber(), PIN, DEVICE), 200, "ONB200");
        // A fresh count: the next lock is a temporary one again.
        lockOnce(user);
        assertThat(pinStatus(user.user()).get("untilAdminUnlock").asBoolean()).isFalse();
    }

    @Test
    void theUserEndsTheLastingLockByResettingThePinAfterAPasswordLogin() throws Exception {
        PinUser user = pinUser();
        lockUntilAnAdminUnlocks(user);
        String passwordToken = logins().emailPasswordToken(user.user().email(), user.user().password());

        Http.Answer reset = Logins.manage("POST", logins().fintech("onboarding/user/v1/pin"), passwordToken,
                Map.of("pin", "4826", "forgotPin", true));

        assertOnb(reset, 200, "ONB200");
        JsonNode status = pinStatus(user.user());
        assertThat(status.get("locked").asBoolean()).isFalse();
        assertThat(status.get("lockouts").asInt()).isZero();
        assertOnb(logins().pinLogin(user.accountNumber(), "4826", DEVICE), 200, "ONB200");
    }

    @Test
    void aRightPinBetweenLocksStartsTheCountAgain() throws Exception {
        PinUser user = pinUser();
        lockOnce(user);
        Thread.sleep(LOCK_PASSES_MILLIS);
        assertOnb(logins().pinLogin(user.accountNumber(), PIN, DEVICE), 200, "ONB200");
        assertThat(pinStatus(user.user()).get("lockouts").asInt()).isZero();

        for (int lock = 0; lock < TEMPORARY_LOCKS; lock++) {
            lockOnce(user);
            Thread.sleep(LOCK_PASSES_MILLIS);
        }

        assertOnb(logins().pinLogin(user.accountNumber(), PIN, DEVICE), 200, "ONB200");
        assertThat(pinLockEvents("USER_DISABLED_BY_PERMANENT_LOCKOUT", user.user())).isEmpty();
    }

    @Test
    void deviceLoginLocksUnderThePinsLimitButNeverForGoodSoUnknownIdsCannotShutItDown() throws Exception {
        PinUser user = pinUser();
        for (int lock = 0; lock <= TEMPORARY_LOCKS + 1; lock++) {
            for (int i = 0; i < ATTEMPTS; i++) {
                assertOnb(deviceLogin(user.accountNumber(), "anid:not-this-device"), 401, "ONB017");
            }
            assertOnb(deviceLogin(user.accountNumber(), DEVICE), 401, "ONB028");
            Thread.sleep(LOCK_PASSES_MILLIS);
        }

        // More locks in a row than the PIN tolerates, each still ending by itself: whoever knows an account number can
        // slow device login down, not close it until an admin comes. The PIN's own counter is untouched.
        assertOnb(deviceLogin(user.accountNumber(), DEVICE), 200, "ONB200");
        assertOnb(logins().pinLogin(user.accountNumber(), PIN, DEVICE), 200, "ONB200");
    }

    /** Device login (mode 2) for the registered {@link #DEVICE}, proved with the encryption of {@code provedId}. */
    private Http.Answer deviceLogin(String accountNumber, String provedId) throws Exception {
        String publicKey = Http.get(logins().fintech("onboarding/user/v1/public-key"), Map.of()).json().at("/data/publicKey").asText();
        String appToken = TestApps.getToken(realm, DemoRealm.PIN_APP, DemoRealm.PIN_APP_SECRET);
        Map<String, Object> body = new HashMap<>(Map.of("keyRef", "", "pin", AppCrypto.encrypt(publicKey, provedId),
                "signInMode", 2, "token", appToken, "authType", "1", "deviceId", DEVICE));
        return Http.send("POST", logins().fintech("onboarding/user/v2/login"), "application/json",
                Http.json(body).getBytes(StandardCharsets.UTF_8),
                Map.of("X-API-KEY", DemoRealm.PIN_APP, "X-API-TOKEN", appToken, "X-ACCOUNT-NUMBER", accountNumber));
    }

    private List<EventRepresentation> pinLockEvents(String type, TestUser user) {
        return realm.admin().getEvents(List.of(type), null, user.id(), null, null, null, 0, 100).stream()
                .filter(e -> e.getDetails() != null && "pin".equals(e.getDetails().get("credential_type")))
                .toList();
    }

    private JsonNode pinStatus(TestUser user) {
        return adminCall("GET", user.id(), "pin").json();
    }

    private Http.Answer adminCall(String method, String userId, String path) {
        String token = admin.tokenManager().getAccessTokenString();
        return Http.send(method, realm.getBaseUrl().replace("/realms/", "/admin/realms/") + "/fintech/users/" + userId + "/" + path,
                null, null, Map.of("Authorization", "Bearer " + token));
    }
}
