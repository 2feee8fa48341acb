package com.fintechlogin.keycloak.it.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fintechlogin.keycloak.it.support.DemoRealm.TestUser;
import com.fintechlogin.keycloak.it.support.DemoRealm;
import com.fintechlogin.keycloak.it.support.FintechServerConfig;
import com.fintechlogin.keycloak.it.support.Http;
import com.fintechlogin.keycloak.it.support.TestApps;

import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.AdminEventRepresentation;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.realm.ManagedRealm;

/** Seed 001's PIN and device management: the user's own endpoints and the admin endpoints, on a real Keycloak. */
@KeycloakIntegrationTest(config = FintechServerConfig.class)
class PinManagementApiTest {

    private static final String DEVICE = "anid:manage-device-0001";

    @InjectRealm(fromJson = DemoRealm.JSON, lifecycle = LifeCycle.GLOBAL)
    ManagedRealm realm;

    @InjectAdminClient
    Keycloak admin;

    private String fintech(String path) {
        return realm.getBaseUrl() + "/fintech/" + path;
    }

    private String adminUrl(String userId, String path) {
        return realm.getBaseUrl().replace("/realms/", "/admin/realms/") + "/fintech/users/" + userId + "/" + path;
    }

    /** A user token from the email/password login. */
    private String userToken(TestUser user) {
        return Http.postJson(fintech("user/login"), "{\"emailId\": " + Http.jsonString(user.email()) + ", \"password\": "
                + Http.jsonString(user.password()) + "}").json().at("/responseData/token").asText();
    }

    private static Http.Answer post(String url, String bearer, Map<String, Object> body) {
        Map<String, String> headers = bearer == null ? Map.of() : Map.of("Authorization", "Bearer " + bearer);
        return Http.send("POST", url, "application/json", Http.json(body).getBytes(StandardCharsets.UTF_8), headers);
    }

    private Http.Answer pinLogin(String accountNumber, String pin, String deviceId) {
        String appToken = TestApps.getToken(realm, DemoRealm.PIN_APP, DemoRealm.PIN_APP_SECRET);
        Map<String, Object> body = new HashMap<>(Map.of("keyRef", "", "pin", pin, "signInMode", 1, "token", appToken,
                "authType", "1", "deviceId", deviceId));
        return Http.send("POST", fintech("onboarding/user/v2/login"), "application/json", Http.json(body).getBytes(StandardCharsets.UTF_8),
                Map.of("X-API-KEY", DemoRealm.PIN_APP, "X-API-TOKEN", appToken, "X-ACCOUNT-NUMBER", accountNumber));
    }

    private static void assertOnb(Http.Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.json().get("resCode").asText()).as(answer.body()).isEqualTo(code);
    }

    @Test
    void userRegistersADeviceAndSetsAFirstPinThenLogsInWithIt() {
        String accountNumber = DemoRealm.freshAccountNumber();
        TestUser user = DemoRealm.newUser(realm, Map.of("accountNumber", List.of(accountNumber)));
        String token = userToken(user);

        assertOnb(post(fintech("onboarding/user/v1/device"), token, Map.of("deviceId", DEVICE, "simBindingEnabled", "true")), 200, "ONB200");
        Http.Answer set = post(fintech("onboarding/user/v1/pin"), token, Map.of("pin", "2580"));
        assertOnb(set, 200, "ONB200");
        assertThat(set.json().at("/data/msg").asText()).isEqualTo("PIN set successfully");

        Http.Answer login = pinLogin(accountNumber, "2580", DEVICE);
        assertOnb(login, 200, "ONB200");
        // The app asked for SIM binding; only an admin or a SIM-binding service may grant it.
        assertThat(login.json().at("/data/simDeviceBindingEnabled").asBoolean()).isFalse();
        assertThat(realm.admin().users().get(user.id()).credentials()).extracting(c -> c.getType()).contains("pin", "device");
    }

    @Test
    void changingThePinNeedsTheRightOldPinAndAStrongNewOne() {
        String accountNumber = DemoRealm.freshAccountNumber();
        TestUser user = DemoRealm.newUser(realm, Map.of("accountNumber", List.of(accountNumber)),
                List.of(DemoRealm.pin("2580"), DemoRealm.device(DEVICE, false)));
        String token = userToken(user);
        String url = fintech("onboarding/user/v1/pin");

        assertOnb(post(url, token, Map.of("pin", "3691")), 400, "ONB044");
        assertOnb(post(url, token, Map.of("pin", "3691", "oldPin", "1357")), 401, "ONB017");
        assertOnb(post(url, token, Map.of("pin", "1234", "oldPin", "2580")), 400, "ONB043");
        assertOnb(post(url, token, Map.of("pin", "36912", "oldPin", "2580")), 400, "ONB019");
        Http.Answer changed = post(url, token, Map.of("pin", "3691", "oldPin", "2580"));

        assertOnb(changed, 200, "ONB200");
        assertThat(changed.json().at("/data/msg").asText()).isEqualTo("PIN changed successfully");
        assertOnb(pinLogin(accountNumber, "2580", DEVICE), 401, "ONB017");
        assertOnb(pinLogin(accountNumber, "3691", DEVICE), 200, "ONB200");
    }

    @Test
    void theMostCommonPinsAreRefusedLikeWeakOnesAndTheRealmMayListItsOwn() {
        TestUser user = DemoRealm.newUser(realm);
        String token = userToken(user);
        String url = fintech("onboarding/user/v1/pin");

        // Neither a repeated digit nor a straight run, but among the first PINs anyone tries.
        for (String common : List.of("1004", "2000", "6969", "1212", "2001", "1010")) {
            assertOnb(post(url, token, Map.of("pin", common)), 400, "ONB043");
        }
        DemoRealm.setRealmAttribute(realm, "fintech.pin.refused", "2468, 9731");
        assertOnb(post(url, token, Map.of("pin", "9731")), 400, "ONB043");
        assertOnb(post(url, token, Map.of("pin", "1111")), 400, "ONB043");

        assertOnb(post(url, token, Map.of("pin", "1004")), 200, "ONB200");
    }

    @Test
    void onlyAUsersOwnTokenManagesCredentials() {
        String appToken = TestApps.getToken(realm, DemoRealm.PIN_APP, DemoRealm.PIN_APP_SECRET);

        assertOnb(post(fintech("onboarding/user/v1/pin"), null, Map.of("pin", "2580")), 401, "ONB040");
        assertOnb(post(fintech("onboarding/user/v1/pin"), "not-a-token", Map.of("pin", "2580")), 401, "ONB040");
        // A client-credentials token has no live user session, so Keycloak's bearer check already refuses it.
        assertOnb(post(fintech("onboarding/user/v1/device"), appToken, Map.of("deviceId", DEVICE)), 401, "ONB040");
    }

    @Test
    void adminUnlockRestoresALockedPinAndIsAnAdminEvent() {
        String accountNumber = DemoRealm.freshAccountNumber();
        TestUser user = DemoRealm.newUser(realm, Map.of("accountNumber", List.of(accountNumber)),
                List.of(DemoRealm.pin("2580"), DemoRealm.device(DEVICE, false)));
        for (int i = 0; i < 5; i++) {
            assertOnb(pinLogin(accountNumber, "1357", DEVICE), 401, "ONB017");
        }
        assertOnb(pinLogin(accountNumber, "2580", DEVICE), 401, "ONB028");
        JsonNode status = adminCall("GET", user.id(), "pin", null).json();
        assertThat(status.get("locked").asBoolean()).isTrue();
        assertThat(status.get("failures").asInt()).isEqualTo(5);

        assertThat(adminCall("DELETE", user.id(), "pin/lock", null).status()).isEqualTo(204);

        assertOnb(pinLogin(accountNumber, "2580", DEVICE), 200, "ONB200");
        List<AdminEventRepresentation> adminEvents = realm.admin().getAdminEvents();
        assertThat(adminEvents).anySatisfy(e -> {
            assertThat(e.getOperationType()).isEqualTo("ACTION");
            assertThat(e.getResourcePath()).isEqualTo("users/" + user.id() + "/pin/lock");
        });
    }

    @Test
    void adminResetsThePinListsAndDeletesDevices() {
        String accountNumber = DemoRealm.freshAccountNumber();
        TestUser user = DemoRealm.newUser(realm, Map.of("accountNumber", List.of(accountNumber)),
                List.of(DemoRealm.pin("2580"), DemoRealm.device(DEVICE, true)));

        assertThat(adminCall("PUT", user.id(), "pin", "{\"pin\": \"4826\"}").status()).isEqualTo(204);
        assertOnb(pinLogin(accountNumber, "4826", DEVICE), 200, "ONB200");

        JsonNode devices = adminCall("GET", user.id(), "devices", null).json();
        assertThat(devices).hasSize(1);
        // Never the id itself, which would let whoever reads it log in as the device: a fingerprint of its keyed hash.
        assertThat(devices.get(0).has("deviceId")).isFalse();
        assertThat(devices.get(0).get("fingerprint").asText()).matches("[0-9a-f]{8}");
        assertThat(devices.toString()).doesNotContain(DEVICE);
        assertThat(realm.admin().users().get(user.id()).credentials()).filteredOn(c -> c.getType().equals("device"))
                .allSatisfy(c -> {
                    assertThat(c.getUserLabel()).doesNotContain("manage-device").startsWith("Device ");
                    assertThat(c.getCredentialData()).doesNotContain("manage-device");
                });
        assertThat(devices.get(0).get("simBindingEnabled").asBoolean()).isTrue();
        assertThat(adminCall("DELETE", user.id(), "devices/" + devices.get(0).get("id").asText(), null).status()).isEqualTo(204);

        assertOnb(pinLogin(accountNumber, "4826", DEVICE), 401, "ONB026");
        assertThat(adminCall("DELETE", user.id(), "pin", null).status()).isEqualTo(204);
        assertThat(adminCall("GET", user.id(), "pin", null).json().get("configured").asBoolean()).isFalse();
    }

    @Test
    void anAdminWithoutManageUsersGets403() {
        TestUser target = DemoRealm.newUser(realm, Map.of("accountNumber", List.of(DemoRealm.freshAccountNumber())),
                List.of(DemoRealm.pin("2580")));
        TestUser viewer = DemoRealm.newUser(realm);
        ClientRepresentation realmManagement = realm.admin().clients().findByClientId("realm-management").get(0);
        RoleRepresentation viewUsers = realm.admin().clients().get(realmManagement.getId()).roles().get("view-users").toRepresentation();
        realm.admin().users().get(viewer.id()).roles().clientLevel(realmManagement.getId()).add(List.of(viewUsers));
        String viewerToken = Http.postForm(realm.getBaseUrl() + "/protocol/openid-connect/token", Map.of("grant_type", "password",
                "client_id", "admin-cli", "username", viewer.email(), "password", viewer.password()), Map.of()).json().get("access_token").asText();

        Http.Answer view = Http.send("GET", adminUrl(target.id(), "pin"), null, null, Map.of("Authorization", "Bearer " + viewerToken));
        Http.Answer manage = Http.send("DELETE", adminUrl(target.id(), "pin"), null, null, Map.of("Authorization", "Bearer " + viewerToken));

        assertThat(view.status()).isEqualTo(200);
        assertThat(manage.status()).isEqualTo(403);
        assertThat(realm.admin().users().get(target.id()).credentials()).extracting(c -> c.getType()).contains("pin");
    }

    private Http.Answer adminCall(String method, String userId, String path, String json) {
        String token = admin.tokenManager().getAccessTokenString();
        return Http.send(method, adminUrl(userId, path), json == null ? null : "application/json",
                json == null ? null : json.getBytes(StandardCharsets.UTF_8), Map.of("Authorization", "Bearer " + token));
    }
}
