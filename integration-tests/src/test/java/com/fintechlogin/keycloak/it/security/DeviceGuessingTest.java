package com.fintechlogin.keycloak.it.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fintechlogin.keycloak.it.support.AppCrypto;
import com.fintechlogin.keycloak.it.support.DemoRealm.TestUser;
import com.fintechlogin.keycloak.it.support.DemoRealm;
import com.fintechlogin.keycloak.it.support.FintechServerConfig;
import com.fintechlogin.keycloak.it.support.Http;
import com.fintechlogin.keycloak.it.support.Logins;
import com.fintechlogin.keycloak.it.support.TestApps;

import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * Guessing devices, as an attacker who knows a customer's account number (and perhaps the PIN) would: every device id
 * tried that is not the customer's costs an attempt, and proofs that match nothing leave nothing behind on the server.
 */
@KeycloakIntegrationTest(config = FintechServerConfig.class)
class DeviceGuessingTest {

    private static final String DEVICE = "anid:guessing-own-device-01";
    private static final int LIMIT = 5;

    @InjectRealm(fromJson = DemoRealm.JSON, lifecycle = LifeCycle.GLOBAL)
    ManagedRealm realm;

    private record Customer(TestUser user, String accountNumber) {
    }

    private Customer customer() {
        String accountNumber = DemoRealm.freshAccountNumber();
        TestUser user = DemoRealm.newUser(realm, Map.of("accountNumber", List.of(accountNumber)),
                List.of(DemoRealm.pin("2580"), DemoRealm.device(DEVICE, false)));
        return new Customer(user, accountNumber);
    }

    private static String randomDevice() {
        return "anid:" + UUID.randomUUID();
    }

    private static List<String> codes(List<Http.Answer> answers) {
        return answers.stream().map(answer -> answer.json().get("resCode").asText()).toList();
    }

    @Test
    void sixtyUnknownDevicesWithTheRightPinAreCountedAndLockDeviceGuessing() {
        Customer customer = customer();
        Logins logins = new Logins(realm);
        List<Http.Answer> answers = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            answers.add(logins.pinLogin(customer.accountNumber(), "2580", randomDevice()));
        }

        List<String> codes = codes(answers);
        assertThat(codes.subList(0, LIMIT)).as(codes.toString()).containsOnly("ONB026");
        assertThat(codes.subList(LIMIT, codes.size())).as(codes.toString()).containsOnly("ONB028");
        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).isEqualTo(401));
    }

    @Test
    void unknownDevicesInDeviceModeAreCountedLikeWrongProofs() throws Exception {
        Customer customer = customer();
        Logins logins = new Logins(realm);
        List<Http.Answer> answers = new ArrayList<>();
        for (int i = 0; i < LIMIT + 3; i++) {
            answers.add(logins.deviceLogin(customer.accountNumber(), randomDevice()));
        }

        List<String> codes = codes(answers);
        assertThat(codes.subList(0, LIMIT)).as(codes.toString()).containsOnly("ONB026");
        assertThat(codes.subList(LIMIT, codes.size())).as(codes.toString()).containsOnly("ONB028");
    }

    @Test
    void aProofThatMatchesNothingIsCountedEachTimeAndOnlyAMatchingOneIsSingleUse() throws Exception {
        Customer customer = customer();
        String appToken = TestApps.getToken(realm, DemoRealm.PIN_APP, DemoRealm.PIN_APP_SECRET);
        String publicKey = Http.get(realm.getBaseUrl() + "/fintech/onboarding/user/v1/public-key", Map.of())
                .json().at("/data/publicKey").asText();
        String wrong = AppCrypto.encrypt(publicKey, "anid:not-the-device");
        String right = AppCrypto.encrypt(publicKey, DEVICE);

        // The same wrong proof twice: wrong both times (and counted), never "already used": it was never stored.
        assertThat(codes(List.of(deviceLogin(customer, appToken, wrong), deviceLogin(customer, appToken, wrong))))
                .containsExactly("ONB017", "ONB017");
        Http.Answer first = deviceLogin(customer, appToken, right);
        Http.Answer replay = deviceLogin(customer, appToken, right);

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(codes(List.of(replay))).containsExactly("ONB031");
    }

    private Http.Answer deviceLogin(Customer customer, String appToken, String ciphertext) {
        Map<String, Object> body = new HashMap<>(Map.of("keyRef", "", "pin", ciphertext, "signInMode", 2, "token", appToken,
                "authType", "1", "deviceId", DEVICE));
        return Http.send("POST", realm.getBaseUrl() + "/fintech/onboarding/user/v2/login", "application/json",
                Http.json(body).getBytes(StandardCharsets.UTF_8),
                Map.of("X-API-KEY", DemoRealm.PIN_APP, "X-API-TOKEN", appToken, "X-ACCOUNT-NUMBER", customer.accountNumber()));
    }
}
