package com.fintechlogin.keycloak.it.support;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.keycloak.testframework.realm.ManagedRealm;

/**
 * Each of the demo realm's logins, as its app makes it, answered in full: the tests of who may do what with a token
 * need tokens of every kind, and the failures of the logins themselves.
 */
public final class Logins {

    private final ManagedRealm realm;

    public Logins(ManagedRealm realm) {
        this.realm = realm;
    }

    public String fintech(String path) {
        return realm.getBaseUrl() + "/fintech/" + path;
    }

    /** Email/password API (client {@code user-api}): a password login. */
    public Http.Answer emailPassword(String email, String password) {
        return Http.postJson(fintech("user/login"), "{\"emailId\": " + Http.jsonString(email) + ", \"password\": "
                + Http.jsonString(password) + "}");
    }

    public String emailPasswordToken(String email, String password) {
        return token(emailPassword(email, password), "/responseData/token");
    }

    /** Mobile sign-in (client {@code MOB-APP}): the app's word for the user, nothing the user proved. */
    Http.Answer mobileSignIn(String mobile) {
        String appToken = TestApps.getToken(realm, DemoRealm.MOB_APP, DemoRealm.MOB_APP_SECRET);
        return Http.send("POST", fintech("lending/v1/token"), "application/json",
                ("{\"token\": " + Http.jsonString(appToken) + ", \"mobile\": " + Http.jsonString(mobile) + "}").getBytes(StandardCharsets.UTF_8),
                Map.of("X-API-KEY", DemoRealm.MOB_APP, "X-API-TOKEN", appToken));
    }

    /** The token alone: the documented answer gives it with its {@code Bearer } prefix. */
    public String mobileSignInToken(String mobile) {
        return token(mobileSignIn(mobile), "/data/token").replaceFirst("^Bearer ", "");
    }

    /** PIN login, sign-in mode 1 (client {@code MOB-APP-2001}). */
    public Http.Answer pinLogin(String accountNumber, String pin, String deviceId) {
        return onboardingLogin(accountNumber, pin, 1, deviceId);
    }

    public String pinLoginToken(String accountNumber, String pin, String deviceId) {
        return token(pinLogin(accountNumber, pin, deviceId), "/data/token");
    }

    /** Device login, sign-in mode 2: the device id encrypted under the realm's published key. */
    public Http.Answer deviceLogin(String accountNumber, String deviceId) throws Exception {
        Http.Answer key = Http.get(fintech("onboarding/user/v1/public-key"), Map.of());
        String ciphertext = AppCrypto.encrypt(key.json().at("/data/publicKey").asText(), deviceId);
        return onboardingLogin(accountNumber, ciphertext, 2, deviceId);
    }

    private Http.Answer onboardingLogin(String accountNumber, String pin, int mode, String deviceId) {
        String appToken = TestApps.getToken(realm, DemoRealm.PIN_APP, DemoRealm.PIN_APP_SECRET);
        Map<String, Object> body = new HashMap<>(Map.of("keyRef", "", "pin", pin, "signInMode", mode, "token", appToken,
                "authType", "1", "deviceId", deviceId));
        return Http.send("POST", fintech("onboarding/user/v2/login"), "application/json", Http.json(body).getBytes(StandardCharsets.UTF_8),
                Map.of("X-API-KEY", DemoRealm.PIN_APP, "X-API-TOKEN", appToken, "X-ACCOUNT-NUMBER", accountNumber));
    }

    /** Card portal (the demo affiliate's client): mobile and password, checksum-signed as the affiliate signs. */
    public Http.Answer cardPortal(String mobile, String password) {
        String checksum = AppCrypto.sha256Hex(mobile + password + DemoRealm.DEMO_CHECKSUM_SECRET);
        String form = "mobile_no=" + URLEncoder.encode(mobile, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return Http.send("POST", fintech("airpay/ms/cards/api/user-login"), "application/x-www-form-urlencoded",
                form.getBytes(StandardCharsets.UTF_8), Map.of("processor-key", DemoRealm.DEMO_PROCESSOR_KEY,
                        "affiliate", DemoRealm.DEMO_AFFILIATE_ID, "checksum", checksum));
    }

    /** A user's call to one of their credential endpoints with {@code bearer} (none when null). */
    public static Http.Answer manage(String method, String url, String bearer, Map<String, Object> body) {
        Map<String, String> headers = bearer == null ? Map.of() : Map.of("Authorization", "Bearer " + bearer);
        return Http.send(method, url, "application/json", Http.json(body).getBytes(StandardCharsets.UTF_8), headers);
    }

    private static String token(Http.Answer answer, String pointer) {
        if (answer.status() != 200) {
            throw new AssertionError("Login refused: HTTP " + answer.status() + " " + answer.body());
        }
        return answer.json().at(pointer).asText();
    }
}
