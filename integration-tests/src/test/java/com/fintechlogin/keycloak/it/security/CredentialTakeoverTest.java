package com.fintechlogin.keycloak.it.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fintechlogin.keycloak.it.support.DemoRealm.TestUser;
import com.fintechlogin.keycloak.it.support.DemoRealm;
import com.fintechlogin.keycloak.it.support.FintechServerConfig;
import com.fintechlogin.keycloak.it.support.Http;
import com.fintechlogin.keycloak.it.support.Logins;
import com.fintechlogin.keycloak.it.support.TestApps;

import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * Who may add a device or set a PIN, tried as an attacker would with what an attacker has: an app's client id and
 * secret (they ship in every copy of the app), a victim's mobile and account numbers, tokens of every app of the
 * realm. Each attack was a working takeover before credential management asked for a strong, fresh, intended token.
 */
@KeycloakIntegrationTest(config = FintechServerConfig.class)
class CredentialTakeoverTest {

    private static final String ATTACKER_DEVICE = "anid:attacker-device-0001";
    private static final String DEVICE = "anid:own-device-0001";
    private static final String CLIENTS = "fintech.credential-management.clients";
    private static final String MAX_AGE = "fintech.credential-management.max-age-seconds";
    private static final ObjectMapper JSON = new ObjectMapper();

    @InjectRealm(fromJson = DemoRealm.JSON, lifecycle = LifeCycle.GLOBAL)
    ManagedRealm realm;

    @InjectAdminClient
    Keycloak admin;

    private Logins logins() {
        return new Logins(realm);
    }

    private String pinUrl() {
        return logins().fintech("onboarding/user/v1/pin");
    }

    private String deviceUrl() {
        return logins().fintech("onboarding/user/v1/device");
    }

    private static void assertOnb(Http.Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.json().get("resCode").asText()).as(answer.body()).isEqualTo(code);
    }

    private record Victim(TestUser user, String mobile, String accountNumber) {
    }

    private Victim victim(List<CredentialRepresentation> credentials) {
        String mobile = DemoRealm.freshMobile();
        String accountNumber = DemoRealm.freshAccountNumber();
        TestUser user = DemoRealm.newUser(realm, Map.of("mobile", List.of(mobile), "accountNumber", List.of(accountNumber)), credentials);
        return new Victim(user, mobile, accountNumber);
    }

    private List<String> credentialTypes(TestUser user) {
        return realm.admin().users().get(user.id()).credentials().stream().map(CredentialRepresentation::getType).toList();
    }

    private void setRealmAttribute(String name, String value) {
        DemoRealm.setRealmAttribute(realm, name, value);
    }

    private static JsonNode claims(String token) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }

    private List<EventRepresentation> events(String type, TestUser user) {
        return realm.admin().getEvents(List.of(type), null, user.id(), null, null, null, 0, 100);
    }

    // --- the takeover chain of the security review -----------------------------------------------------------------

    @Test
    void theMobileSignInTakeoverChainStopsAtTheDeviceAndThePin() throws Exception {
        Victim victim = victim(List.of());

        // 1–2: the public app secret and the victim's mobile number give a user token of the victim.
        String stolen = logins().mobileSignInToken(victim.mobile());
        // 3–4: with it, register the attacker's device and set a PIN. Refused: the mobile app is trusted with nothing.
        assertOnb(Logins.manage("POST", deviceUrl(), stolen, Map.of("deviceId", ATTACKER_DEVICE, "simBindingEnabled", true)), 403, "ONB048");
        assertOnb(Logins.manage("POST", pinUrl(), stolen, Map.of("pin", "4826")), 403, "ONB048");
        // 5: so neither the device nor the PIN opens the PIN app.
        assertOnb(logins().deviceLogin(victim.accountNumber(), ATTACKER_DEVICE), 401, "ONB026");
        assertThat(logins().pinLogin(victim.accountNumber(), "4826", ATTACKER_DEVICE).status()).isEqualTo(401);
        assertThat(credentialTypes(victim.user())).containsExactly("password");
        assertThat(events("UPDATE_CREDENTIAL_ERROR", victim.user()))
                .anySatisfy(e -> assertThat(e.getDetails()).containsEntry("reason", "client_not_allowed"));
    }

    @Test
    void neitherKeycloaksAccountApiNorADeviceLoginReopensTheTakeover() throws Exception {
        Victim victim = victim(List.of(DemoRealm.pin("2580"), DemoRealm.device(DEVICE, false)));
        String stolen = logins().mobileSignInToken(victim.mobile());
        String accountCredentials = realm.getBaseUrl() + "/account/credentials";
        String pinId = realm.admin().users().get(victim.user().id()).credentials().stream()
                .filter(c -> c.getType().equals("pin")).findFirst().orElseThrow().getId();

        // Removing the PIN through Keycloak's account API would let any later token set a first PIN: refused.
        Http.Answer removal = Http.send("DELETE", accountCredentials + "/" + pinId, null, null,
                Map.of("Authorization", "Bearer " + stolen, "Accept", "application/json"));
        assertThat(removal.status()).as(removal.body()).isIn(400, 401, 403);
        assertThat(credentialTypes(victim.user())).contains("pin");

        // The device id (the account API lists it as the device's label) gives a device login of the PIN app, one of
        // the apps the realm trusts; its token still may change nothing.
        Http.Answer deviceLogin = logins().deviceLogin(victim.accountNumber(), DEVICE);
        assertOnb(deviceLogin, 200, "ONB200");
        String deviceToken = deviceLogin.json().at("/data/token").asText();
        assertOnb(Logins.manage("POST", pinUrl(), deviceToken, Map.of("pin", "4826", "forgotPin", true)), 401, "ONB049");
        assertOnb(Logins.manage("POST", deviceUrl(), deviceToken, Map.of("deviceId", ATTACKER_DEVICE, "pin", "2580")), 401, "ONB049");
        assertOnb(Logins.manage("DELETE", deviceUrl(), deviceToken, Map.of("deviceId", DEVICE)), 401, "ONB049");
        assertThat(credentialTypes(victim.user())).containsExactlyInAnyOrder("password", "pin", "device");
    }

    @Test
    void aMobileSignInTokenNeverQualifiesEvenWhereTheRealmTrustsTheMobileApp() throws Exception {
        setRealmAttribute(CLIENTS, "user-api,MOB-APP-2001,MOB-APP");
        Victim victim = victim(List.of());
        String stolen = logins().mobileSignInToken(victim.mobile());

        assertThat(claims(stolen).get("acr").asText()).isEqualTo("0");
        Http.Answer device = Logins.manage("POST", deviceUrl(), stolen, Map.of("deviceId", ATTACKER_DEVICE));
        Http.Answer pin = Logins.manage("POST", pinUrl(), stolen, Map.of("pin", "4826"));

        assertOnb(device, 401, "ONB049");
        assertOnb(pin, 401, "ONB049");
        assertThat(device.headers().firstValue("WWW-Authenticate").orElseThrow())
                .startsWith("Bearer error=\"insufficient_user_authentication\"");
        assertThat(credentialTypes(victim.user())).containsExactly("password");
        assertThat(events("UPDATE_CREDENTIAL_ERROR", victim.user()))
                .anySatisfy(e -> assertThat(e.getDetails()).containsEntry("reason", "authentication_too_weak")
                        .containsEntry("credential_type", "device"));
    }

    @Test
    void onlyTokensOfTheAppsTheRealmTrustsChangeCredentials() throws Exception {
        Victim victim = victim(List.of(DemoRealm.pin("2580"), DemoRealm.device(DEVICE, false)));
        TestUser cardUser = realm.admin().users().searchByAttributes("mobile:" + DemoRealm.CARD_USER_MOBILE).stream()
                .findFirst().map(u -> new TestUser(u.getId(), u.getEmail(), DemoRealm.CARD_USER_PASSWORD)).orElseThrow();
        record Token(String client, String token) {
        }
        List<Token> refused = List.of(
                new Token("MOB-APP (mobile sign-in)", logins().mobileSignInToken(victim.mobile())),
                new Token("the card portal's affiliate", logins().cardPortal(DemoRealm.CARD_USER_MOBILE,
                        DemoRealm.CARD_USER_PASSWORD).json().at("/data/token").asText()));
        for (Token token : refused) {
            Http.Answer answer = Logins.manage("POST", deviceUrl(), token.token(), Map.of("deviceId", ATTACKER_DEVICE, "pin", "2580"));
            assertThat(answer.status()).as(token.client() + ": " + answer.body()).isEqualTo(403);
            assertThat(answer.json().get("resCode").asText()).as(token.client()).isEqualTo("ONB048");
        }
        assertThat(realm.admin().users().get(cardUser.id()).credentials()).extracting(CredentialRepresentation::getType)
                .doesNotContain("device");

        // The two the demo trusts: the email/password API's client and the PIN app, each after its own login.
        String password = logins().emailPasswordToken(victim.user().email(), victim.user().password());
        String pinApp = logins().pinLoginToken(victim.accountNumber(), "2580", DEVICE);
        assertOnb(Logins.manage("POST", deviceUrl(), password, Map.of("deviceId", "anid:second-device", "pin", "2580")), 200, "ONB200");
        assertOnb(Logins.manage("POST", deviceUrl(), pinApp, Map.of("deviceId", "anid:third-device", "pin", "2580")), 200, "ONB200");
        // Service-account tokens are no user's: refused before anything else.
        String appToken = TestApps.getToken(realm, DemoRealm.PIN_APP, DemoRealm.PIN_APP_SECRET);
        assertThat(Logins.manage("POST", pinUrl(), appToken, Map.of("pin", "4826")).status()).isIn(401, 403);
    }

    @Test
    void everyTokenCarriesTheLevelItsLoginReached() throws Exception {
        Victim victim = victim(List.of(DemoRealm.pin("2580"), DemoRealm.device(DEVICE, false)));

        assertThat(claims(logins().mobileSignInToken(victim.mobile())).get("acr").asText()).isEqualTo("0");
        assertThat(claims(logins().emailPasswordToken(victim.user().email(), victim.user().password())).get("acr").asText())
                .isEqualTo("password");
        assertThat(claims(logins().pinLoginToken(victim.accountNumber(), "2580", DEVICE)).get("acr").asText()).isEqualTo("pin-device");
        // The documented device proof is computable by anyone who knows the device id: it proves what the app says.
        assertThat(claims(logins().deviceLogin(victim.accountNumber(), DEVICE).json().at("/data/token").asText()).get("acr").asText())
                .isEqualTo("0");
    }

    @Test
    void aLoginOlderThanTheRealmsWindowMayNotChangeCredentials() throws Exception {
        setRealmAttribute(MAX_AGE, "2");
        Victim victim = victim(List.of());
        String token = logins().emailPasswordToken(victim.user().email(), victim.user().password());

        Thread.sleep(3_500);
        Http.Answer stale = Logins.manage("POST", pinUrl(), token, Map.of("pin", "4826"));

        assertOnb(stale, 401, "ONB050");
        assertThat(stale.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("max_age=2");
        assertThat(credentialTypes(victim.user())).containsExactly("password");
        String fresh = logins().emailPasswordToken(victim.user().email(), victim.user().password());
        assertOnb(Logins.manage("POST", pinUrl(), fresh, Map.of("pin", "4826")), 200, "ONB200");
    }

    @Test
    void theOnboardingStoryStillWorksPasswordThenPinThenDeviceThenPinLogin() {
        Victim user = victim(List.of());
        String token = logins().emailPasswordToken(user.user().email(), user.user().password());

        assertOnb(Logins.manage("POST", pinUrl(), token, Map.of("pin", "2580")), 200, "ONB200");
        assertOnb(Logins.manage("POST", deviceUrl(), token, Map.of("deviceId", DEVICE, "pin", "2580")), 200, "ONB200");

        Http.Answer login = logins().pinLogin(user.accountNumber(), "2580", DEVICE);
        assertOnb(login, 200, "ONB200");
        assertThat(events("UPDATE_CREDENTIAL", user.user())).extracting(e -> e.getDetails().get("fintech_change"))
                .contains("pin_set", "device_added");
    }

    // --- a user who has a PIN proves it ----------------------------------------------------------------------------

    @Test
    void registeringAnotherDeviceNeedsTheCurrentPin() {
        Victim victim = victim(List.of(DemoRealm.pin("2580"), DemoRealm.device(DEVICE, false)));
        String token = logins().emailPasswordToken(victim.user().email(), victim.user().password());

        assertOnb(Logins.manage("POST", deviceUrl(), token, Map.of("deviceId", ATTACKER_DEVICE)), 400, "ONB016");
        Http.Answer wrong = Logins.manage("POST", deviceUrl(), token, Map.of("deviceId", ATTACKER_DEVICE, "pin", "1357"));
        assertOnb(wrong, 401, "ONB017");
        assertOnb(logins().pinLogin(victim.accountNumber(), "2580", ATTACKER_DEVICE), 401, "ONB026");

        assertOnb(Logins.manage("POST", deviceUrl(), token, Map.of("deviceId", ATTACKER_DEVICE, "pin", "2580")), 200, "ONB200");
        assertOnb(logins().pinLogin(victim.accountNumber(), "2580", ATTACKER_DEVICE), 200, "ONB200");
    }

    @Test
    void fiftyParallelDeviceRegistrationsWithWrongPinsEvaluateAtMostTheLimit() throws Exception {
        Victim victim = victim(List.of(DemoRealm.pin("2580")));
        String token = logins().emailPasswordToken(victim.user().email(), victim.user().password());
        List<Callable<Http.Answer>> guesses = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String guess = String.format("%04d", 3000 + i);
            guesses.add(() -> Logins.manage("POST", deviceUrl(), token, Map.of("deviceId", "anid:guessed-device-" + guess, "pin", guess)));
        }
        List<String> codes = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            for (Future<Http.Answer> answer : pool.invokeAll(guesses)) {
                codes.add(answer.get().json().get("resCode").asText());
            }
        } finally {
            pool.shutdownNow();
        }

        // The realm's brute-force failure factor (5) is the PIN's limit: at most that many PINs were evaluated.
        assertThat(codes.stream().filter("ONB017"::equals).count()).as(codes.toString()).isLessThanOrEqualTo(5).isPositive();
        assertThat(codes).as(codes.toString()).allMatch(code -> code.equals("ONB017") || code.equals("ONB028"));
        JsonNode status = pinStatus(victim.user());
        assertThat(status.get("locked").asBoolean()).isTrue();
        assertThat(status.get("failures").asInt()).isEqualTo(5);
        assertThat(credentialTypes(victim.user())).doesNotContain("device");
        // Keycloak's own detector records its account lock with the same event type, without a credential type.
        assertThat(events("USER_DISABLED_BY_TEMPORARY_LOCKOUT", victim.user()))
                .filteredOn(e -> e.getDetails() != null && "pin".equals(e.getDetails().get("credential_type"))).hasSize(1);
    }

    @Test
    void aForgottenPinIsResetOnlyAfterAPasswordLoginAndTheResetLiftsItsLock() throws Exception {
        // Keycloak's own lock of the account, which the same wrong PINs set, ends after 2 s here; the PIN's lasts 900 s.
        DemoRealm.setBruteForceWaitSeconds(realm, 2);
        Victim victim = victim(List.of(DemoRealm.pin("2580"), DemoRealm.device(DEVICE, false)));
        // Both logins first: the wrong PINs below also feed Keycloak's account-wide detector, which then refuses
        // every login of the user for a while.
        String pinToken = logins().pinLoginToken(victim.accountNumber(), "2580", DEVICE);
        String password = logins().emailPasswordToken(victim.user().email(), victim.user().password());
        for (int i = 0; i < 5; i++) {
            assertOnb(logins().pinLogin(victim.accountNumber(), "1357", DEVICE), 401, "ONB017");
        }
        assertThat(pinStatus(victim.user()).get("locked").asBoolean()).isTrue();

        // A PIN or device login does not prove the user knows anything but the PIN or the device: it cannot reset it.
        assertOnb(Logins.manage("POST", pinUrl(), pinToken, Map.of("pin", "4826", "forgotPin", true)), 401, "ONB053");
        // Without forgotPin, a change needs the old PIN, which is locked.
        assertOnb(Logins.manage("POST", pinUrl(), password, Map.of("pin", "4826", "oldPin", "2580")), 401, "ONB028");

        Thread.sleep(3_000);
        Http.Answer reset = Logins.manage("POST", pinUrl(), password, Map.of("pin", "4826", "forgotPin", true));
        assertOnb(reset, 200, "ONB200");
        assertThat(reset.json().at("/data/msg").asText()).isEqualTo("PIN reset successfully");
        JsonNode status = pinStatus(victim.user());
        assertThat(status.get("locked").asBoolean()).isFalse();
        assertThat(status.get("failures").asInt()).isZero();
        assertThat(events("UPDATE_CREDENTIAL", victim.user()))
                .anySatisfy(e -> assertThat(e.getDetails()).containsEntry("fintech_change", "pin_reset"));
    }

    private JsonNode pinStatus(TestUser user) {
        String adminToken = admin.tokenManager().getAccessTokenString();
        return Http.send("GET", realm.getBaseUrl().replace("/realms/", "/admin/realms/") + "/fintech/users/" + user.id() + "/pin",
                null, null, Map.of("Authorization", "Bearer " + adminToken)).json();
    }

    // --- SIM binding and the device cap ------------------------------------------------------------------------------

    @Test
    void aUserCannotClaimSimBindingButASimBindingServiceCanSetIt() {
        Victim victim = victim(List.of());
        String token = logins().emailPasswordToken(victim.user().email(), victim.user().password());

        Http.Answer registered = Logins.manage("POST", deviceUrl(), token, Map.of("deviceId", DEVICE, "simBindingEnabled", true));
        assertOnb(registered, 200, "ONB200");
        assertThat(registered.json().at("/data/simBindingEnabled").asBoolean()).isFalse();
        String credentialId = realm.admin().users().get(victim.user().id()).credentials().stream()
                .filter(c -> c.getType().equals("device")).findFirst().orElseThrow().getId();
        String simBindingUrl = realm.getBaseUrl().replace("/realms/", "/admin/realms/") + "/fintech/users/" + victim.user().id()
                + "/devices/" + credentialId + "/sim-binding";

        // A service with nothing but the SIM-binding role sets it; the same service without the role may not.
        ClientRepresentation service = new ClientRepresentation();
        service.setClientId("sim-binding-" + victim.user().id().substring(0, 8));
        service.setSecret("sim-binding-secret");
        service.setServiceAccountsEnabled(true);
        service.setPublicClient(false);
        TestApps.createForTheTest(realm, service);
        String withoutRole = TestApps.clientCredentials(realm, service.getClientId(), "sim-binding-secret");
        Http.Answer forbidden = Http.send("PUT", simBindingUrl, "application/json", "{\"simBindingEnabled\": true}".getBytes(StandardCharsets.UTF_8),
                Map.of("Authorization", "Bearer " + withoutRole));
        assertThat(forbidden.status()).isEqualTo(403);
        String serviceUserId = realm.admin().clients().get(realm.admin().clients().findByClientId(service.getClientId()).get(0).getId())
                .getServiceAccountUser().getId();
        RoleRepresentation role = realm.admin().roles().get("fintech-sim-binding").toRepresentation();
        realm.admin().users().get(serviceUserId).roles().realmLevel().add(List.of(role));
        String withRole = TestApps.clientCredentials(realm, service.getClientId(), "sim-binding-secret");
        Http.Answer set = Http.send("PUT", simBindingUrl, "application/json", "{\"simBindingEnabled\": true}".getBytes(StandardCharsets.UTF_8),
                Map.of("Authorization", "Bearer " + withRole));
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.json().get("simBindingEnabled").asBoolean()).isTrue();

        // Registering the device again changes nothing: same credential, the binding the service set.
        String fresh = logins().emailPasswordToken(victim.user().email(), victim.user().password());
        Http.Answer again = Logins.manage("POST", deviceUrl(), fresh, Map.of("deviceId", DEVICE, "simBindingEnabled", false));
        assertThat(again.json().at("/data/simBindingEnabled").asBoolean()).isTrue();
        assertThat(realm.admin().users().get(victim.user().id()).credentials()).filteredOn(c -> c.getType().equals("device"))
                .extracting(CredentialRepresentation::getId).containsExactly(credentialId);
        assertThat(realm.admin().getAdminEvents()).anySatisfy(e -> assertThat(e.getResourcePath())
                .isEqualTo("users/" + victim.user().id() + "/devices/" + credentialId + "/sim-binding"));
    }

    @Test
    void theDeviceCapRefusesOneMoreDeviceUntilTheUserRemovesOne() throws Exception {
        Victim victim = victim(List.of(DemoRealm.device("anid:capped-device-1", false), DemoRealm.device("anid:capped-device-2", false),
                DemoRealm.device("anid:capped-device-3", false), DemoRealm.device("anid:capped-device-4", false), DemoRealm.device("anid:capped-device-5", false)));
        String token = logins().emailPasswordToken(victim.user().email(), victim.user().password());

        assertOnb(Logins.manage("POST", deviceUrl(), token, Map.of("deviceId", "anid:capped-device-6")), 409, "ONB051");
        // Registering one of the five again is no sixth device.
        assertOnb(Logins.manage("POST", deviceUrl(), token, Map.of("deviceId", "anid:capped-device-5")), 200, "ONB200");
        assertOnb(Logins.manage("DELETE", deviceUrl(), token, Map.of("deviceId", "anid:unknown")), 404, "ONB052");
        Http.Answer removed = Logins.manage("DELETE", deviceUrl(), token, Map.of("deviceId", "anid:capped-device-1"));
        assertOnb(removed, 200, "ONB200");
        assertThat(removed.json().at("/data/msg").asText()).isEqualTo("Device removed successfully");
        assertOnb(logins().deviceLogin(victim.accountNumber(), "anid:capped-device-1"), 401, "ONB026");
        assertOnb(Logins.manage("POST", deviceUrl(), token, Map.of("deviceId", "anid:capped-device-6")), 200, "ONB200");
        assertThat(events("REMOVE_CREDENTIAL", victim.user()))
                .anySatisfy(e -> assertThat(e.getDetails()).containsEntry("fintech_change", "device_removed"));
    }
}
