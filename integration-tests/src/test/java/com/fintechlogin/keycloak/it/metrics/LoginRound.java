package com.fintechlogin.keycloak.it.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fintechlogin.bench.ClientCrypto;
import com.fintechlogin.keycloak.it.support.AppCrypto;
import com.fintechlogin.keycloak.it.support.DemoRealm;
import com.fintechlogin.keycloak.it.support.DemoRealm.TestUser;
import com.fintechlogin.keycloak.it.support.Http;
import com.fintechlogin.keycloak.it.support.Logins;
import com.fintechlogin.keycloak.it.support.TestApps;

import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * A round of logins on the demo realm, through every documented API and Keycloak's token endpoint, as apps and
 * partners make them: successes, the failures operators watch for (wrong and unknown credentials, malformed requests,
 * refused and forged clients, replays), a password and a PIN locked by their last attempt, and a login refused by the
 * PIN's lock. It writes down what each request must add to the metrics, and every value that must never appear in
 * them. Fresh users each time, so that rounds do not lock each other's credentials.
 */
final class LoginRound {

    /** One series of the attempts counter within the realm. */
    record Series(String api, String client, String outcome) implements Comparable<Series> {

        @Override
        public int compareTo(Series other) {
            return toString().compareTo(other.toString());
        }
    }

    static final String USER_LOGIN = "user-login";
    static final String MOBILE_SIGN_IN = "lending-token";
    static final String PIN_DEVICE = "onboarding-login";
    static final String CARD_PORTAL = "card-portal-login";
    static final String PARTNER = "partner-login";
    static final String GET_TOKEN = "get-token";
    static final String TOKEN_ENDPOINT = "token-endpoint";
    static final String UNKNOWN = "unknown";
    private static final String PARTNER_CLIENT = "partner-api";

    private final ManagedRealm realm;
    private final Logins logins;
    private final Map<Series, Integer> attempts = new TreeMap<>();
    private final Map<String, Integer> locks = new TreeMap<>();
    private final Map<String, Integer> replays = new TreeMap<>();
    private final Set<String> neverInMetrics = new TreeSet<>();
    /** A client id no realm has: what a caller guessing or forging ids sends. */
    private final String forgedClient = "forged-" + UUID.randomUUID();

    LoginRound(ManagedRealm realm) {
        this.realm = realm;
        this.logins = new Logins(realm);
        neverInMetrics.add(forgedClient);
    }

    /** What the round added to {@code fintech_login_attempts_total} in the realm, by API, client and outcome. */
    Map<Series, Integer> attempts() {
        return attempts;
    }

    /** What it added to {@code fintech_credential_locks_total}, by kind. */
    Map<String, Integer> locks() {
        return locks;
    }

    /** What it added to {@code fintech_replays_refused_total}, by API. */
    Map<String, Integer> replays() {
        return replays;
    }

    /** Users, their identifiers and credentials, devices, tokens, secrets and the forged client id. */
    Set<String> neverInMetrics() {
        return neverInMetrics;
    }

    String forgedClient() {
        return forgedClient;
    }

    void run() throws Exception {
        emailPassword();
        passwordLock();
        mobileSignIn();
        pinAndDevice();
        pinLock();
        cardPortal();
        partner();
        getToken();
        tokenEndpoint();
    }

    /** Email/password: a wrong password, the right one, an unknown email, a body that is no JSON. */
    private void emailPassword() {
        TestUser user = user(Map.of());
        refused(logins.emailPassword(user.email(), "Wrong-" + UUID.randomUUID()), USER_LOGIN, DemoRealm.USER_API_CLIENT, "invalid_credentials");
        ok(logins.emailPassword(user.email(), user.password()), USER_LOGIN, DemoRealm.USER_API_CLIENT);
        String nobody = "nobody-" + UUID.randomUUID() + "@fintech.example";
        neverInMetrics.add(nobody);
        refused(logins.emailPassword(nobody, "Any-Pass-1"), USER_LOGIN, DemoRealm.USER_API_CLIENT, "unknown_user");
        // Refused before the API looks its client up: the event names none.
        refused(Http.postJson(logins.fintech("user/login"), "{\"emailId\": "), USER_LOGIN, UNKNOWN, "malformed_request");
    }

    /** As many wrong passwords as the realm's failure factor: the last one locks the password. */
    private void passwordLock() {
        TestUser user = user(Map.of());
        int limit = realm.admin().toRepresentation().getFailureFactor();
        for (int i = 0; i < limit; i++) {
            refused(logins.emailPassword(user.email(), "Wrong-" + i + "-" + UUID.randomUUID()), USER_LOGIN, DemoRealm.USER_API_CLIENT,
                    "invalid_credentials");
        }
        locks.merge("password", 1, Integer::sum);
    }

    /** Mobile sign-in: the sample mobile number, and one no user has. */
    private void mobileSignIn() {
        String appToken = appToken(DemoRealm.MOB_APP, DemoRealm.MOB_APP_SECRET);
        ok(mobileSignIn(appToken, DemoRealm.SAMPLE_MOBILE), MOBILE_SIGN_IN, DemoRealm.MOB_APP);
        String unknown = DemoRealm.freshMobile();
        neverInMetrics.add(unknown);
        refused(mobileSignIn(appToken, unknown), MOBILE_SIGN_IN, DemoRealm.MOB_APP, "unknown_user");
    }

    private Http.Answer mobileSignIn(String appToken, String mobile) {
        return Http.send("POST", logins.fintech("lending/v1/token"), "application/json",
                ("{\"token\": " + Http.jsonString(appToken) + ", \"mobile\": " + Http.jsonString(mobile) + "}").getBytes(StandardCharsets.UTF_8),
                Map.of("X-API-KEY", DemoRealm.MOB_APP, "X-API-TOKEN", appToken));
    }

    /**
     * PIN/device login of a fresh user: a wrong PIN, the right one (which resets the count), the device's encrypted
     * id, and that same ciphertext again — a replay.
     */
    private void pinAndDevice() throws Exception {
        PinUser user = pinUser("2468");
        refused(logins.pinLogin(user.accountNumber(), "1357", user.device()), PIN_DEVICE, DemoRealm.PIN_APP, "invalid_credentials");
        gotAppToken(DemoRealm.PIN_APP);
        ok(logins.pinLogin(user.accountNumber(), user.pin(), user.device()), PIN_DEVICE, DemoRealm.PIN_APP);
        gotAppToken(DemoRealm.PIN_APP);

        String appToken = appToken(DemoRealm.PIN_APP, DemoRealm.PIN_APP_SECRET);
        JsonNode key = Http.get(logins.fintech("onboarding/user/v1/public-key"), Map.of()).json().get("data");
        String ciphertext = AppCrypto.encrypt(key.get("publicKey").asText(), user.device());
        neverInMetrics.add(ciphertext);
        ok(onboarding(appToken, user.accountNumber(), ciphertext, 2, user.device()), PIN_DEVICE, DemoRealm.PIN_APP);
        refused(onboarding(appToken, user.accountNumber(), ciphertext, 2, user.device()), PIN_DEVICE, DemoRealm.PIN_APP, "replayed");
        replays.merge(PIN_DEVICE, 1, Integer::sum);
    }

    /**
     * A PIN step limited to two wrong PINs for this test (the realm's brute force allows five, so the user stays
     * unlocked): two wrong PINs lock the PIN, and the next login, with the right PIN, is refused for the lock.
     */
    private void pinLock() {
        DemoRealm.configurePinStep(realm, "maxAttempts", "2");
        PinUser user = pinUser("8642");
        String appToken = appToken(DemoRealm.PIN_APP, DemoRealm.PIN_APP_SECRET);
        refused(onboarding(appToken, user.accountNumber(), "1111", 1, user.device()), PIN_DEVICE, DemoRealm.PIN_APP, "invalid_credentials");
        refused(onboarding(appToken, user.accountNumber(), "2222", 1, user.device()), PIN_DEVICE, DemoRealm.PIN_APP, "invalid_credentials");
        locks.merge("pin", 1, Integer::sum);
        refused(onboarding(appToken, user.accountNumber(), user.pin(), 1, user.device()), PIN_DEVICE, DemoRealm.PIN_APP, "credential_locked");
    }

    private record PinUser(String accountNumber, String pin, String device) {
    }

    private PinUser pinUser(String pin) {
        String accountNumber = DemoRealm.freshAccountNumber();
        String device = "anid:metrics-" + UUID.randomUUID() + ":0001";
        neverInMetrics.add(accountNumber);
        neverInMetrics.add(device);
        user(Map.of("accountNumber", List.of(accountNumber)), DemoRealm.pin(pin), DemoRealm.device(device, false));
        return new PinUser(accountNumber, pin, device);
    }

    private Http.Answer onboarding(String appToken, String accountNumber, String pin, int mode, String deviceId) {
        Map<String, Object> body = new HashMap<>(Map.of("keyRef", "", "pin", pin, "signInMode", mode, "token", appToken,
                "authType", "1", "deviceId", deviceId));
        return Http.send("POST", logins.fintech("onboarding/user/v2/login"), "application/json", Http.json(body).getBytes(StandardCharsets.UTF_8),
                Map.of("X-API-KEY", DemoRealm.PIN_APP, "X-API-TOKEN", appToken, "X-ACCOUNT-NUMBER", accountNumber));
    }

    /** Card portal: a fresh user's mobile and password, a wrong password, and a forged affiliate. */
    private void cardPortal() {
        String mobile = DemoRealm.freshMobile();
        String password = "Pw-" + UUID.randomUUID().toString().substring(0, 13);
        TestUser user = user(Map.of("mobile", List.of(mobile)));
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setValue(password);
        credential.setTemporary(false);
        realm.admin().users().get(user.id()).resetPassword(credential);
        neverInMetrics.add(mobile);
        neverInMetrics.add(password);

        refused(logins.cardPortal(mobile, password + "x"), CARD_PORTAL, DemoRealm.DEMO_AFFILIATE_ID, "invalid_credentials");
        ok(logins.cardPortal(mobile, password), CARD_PORTAL, DemoRealm.DEMO_AFFILIATE_ID);
        String form = "mobile_no=" + mobile + "&password=" + password;
        refused(Http.send("POST", logins.fintech("airpay/ms/cards/api/user-login"), "application/x-www-form-urlencoded",
                form.getBytes(StandardCharsets.UTF_8), Map.of("processor-key", DemoRealm.DEMO_PROCESSOR_KEY, "affiliate", forgedClient,
                        "checksum", AppCrypto.sha256Hex(mobile + password + DemoRealm.DEMO_CHECKSUM_SECRET))),
                CARD_PORTAL, UNKNOWN, "client_refused");
    }

    /** Partner: the document's sample user in a sealed payload, and the same sealed request again. */
    private void partner() {
        JsonNode key = Http.get(logins.fintech("onboarding/user/v1/public-key"), Map.of()).json().get("data");
        ClientCrypto.Sealed sealed = new ClientCrypto(key.get("publicKey").asText())
                .seal("{\"userName\":\"bocmuser1\",\"password\":\"Bocm-Pass-003\",\"timestamp\":" + System.currentTimeMillis() + "}");
        neverInMetrics.add("bocmuser1");
        neverInMetrics.add(sealed.encryptData());
        ok(partnerLogin(sealed), PARTNER, PARTNER_CLIENT);
        refused(partnerLogin(sealed), PARTNER, PARTNER_CLIENT, "replayed");
        replays.merge(PARTNER, 1, Integer::sum);
    }

    private Http.Answer partnerLogin(ClientCrypto.Sealed sealed) {
        return Http.send("POST", logins.fintech("getToken"), "application/json",
                Http.json(Map.of("encryptData", sealed.encryptData())).getBytes(StandardCharsets.UTF_8),
                Map.of("keyValue", sealed.keyValue(), "ivValue", sealed.ivValue(), "hmac", sealed.hmac()));
    }

    /** Get Token: an app's wrong secret, and a client id no realm has. */
    private void getToken() {
        String wrongSecret = "wrong-" + UUID.randomUUID();
        neverInMetrics.add(wrongSecret);
        refused(getToken(DemoRealm.MOB_APP, wrongSecret), GET_TOKEN, DemoRealm.MOB_APP, "client_refused");
        refused(getToken(forgedClient, DemoRealm.MOB_APP_SECRET), GET_TOKEN, UNKNOWN, "client_refused");
    }

    private Http.Answer getToken(String clientId, String secret) {
        return Http.send("POST", logins.fintech("market-place/v1/token"), null, null, Map.of("X-API-KEY", clientId, "X-API-SECRET", secret));
    }

    /** Keycloak's token endpoint with the email/password app's own flow: a wrong password, the right one, a forged client. */
    private void tokenEndpoint() {
        TestUser user = user(Map.of());
        refused(passwordGrant(DemoRealm.USER_API_CLIENT, user.email(), "Wrong-" + UUID.randomUUID()), TOKEN_ENDPOINT,
                DemoRealm.USER_API_CLIENT, "invalid_credentials");
        ok(passwordGrant(DemoRealm.USER_API_CLIENT, user.email(), user.password()), TOKEN_ENDPOINT, DemoRealm.USER_API_CLIENT);
        // Keycloak's own refusal, before any step of the project runs: tagged with Keycloak's event error.
        refused(passwordGrant(forgedClient, user.email(), user.password()), TOKEN_ENDPOINT, UNKNOWN, "client_not_found");
    }

    private Http.Answer passwordGrant(String clientId, String username, String password) {
        return Http.postForm(realm.getBaseUrl() + "/protocol/openid-connect/token",
                Map.of("grant_type", "password", "client_id", clientId, "username", username, "password", password), Map.of());
    }

    /** An app token from the Get Token API: a successful app login of its own. */
    private String appToken(String clientId, String secret) {
        String token = TestApps.getToken(realm, clientId, secret);
        neverInMetrics.add(token);
        gotAppToken(clientId);
        return token;
    }

    private void gotAppToken(String clientId) {
        expect(GET_TOKEN, clientId, "success");
    }

    private TestUser user(Map<String, List<String>> attributes, CredentialRepresentation... more) {
        TestUser user = DemoRealm.newUser(realm, attributes, List.of(more));
        neverInMetrics.add(user.id());
        neverInMetrics.add(user.email());
        neverInMetrics.add(user.email().substring(0, user.email().indexOf('@')));
        neverInMetrics.add(user.password());
        return user;
    }

    private void ok(Http.Answer answer, String api, String client) {
        assertThat(answer.status()).as("%s by %s: %s", api, client, answer.body()).isEqualTo(200);
        expect(api, client, "success");
    }

    private void refused(Http.Answer answer, String api, String client, String outcome) {
        assertThat(answer.status()).as("%s by %s, expected %s: %s", api, client, outcome, answer.body()).isNotEqualTo(200);
        expect(api, client, outcome);
    }

    private void expect(String api, String client, String outcome) {
        attempts.merge(new Series(api, client, outcome), 1, Integer::sum);
    }
}
