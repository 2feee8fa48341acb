package com.fintechlogin.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every scenario of the benchmark: Keycloak's two native grants as baselines, and each API of the project as an
 * app, portal or partner calls it. Requests are made as docs/api-reference.md documents them; what changes per request (the
 * worker's user, a random population user, a fresh ciphertext or sealed payload) is made inside the request
 * source, so the client's own crypto is part of what is measured for device login (mode 2) and partner login, as it is for a
 * real client. App tokens are fetched when a scenario is made, so each run starts with a fresh one, and renewed
 * before they expire ({@link AppToken}). A success is what each API documents as one, token included
 * ({@link AnswerCheck}), not just HTTP 200.
 */
final class Scenarios {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Success NATIVE_OK = AnswerCheck.ok(Map.of(), "/access_token", "", "\"access_token\":\"");
    private static final Success EMAIL_PASSWORD_OK = AnswerCheck.ok(Map.of("/responseCode", "200"), "/responseData/token", "",
            "\"responseCode\":200", "\"token\":\"");
    private static final Success CARD_PORTAL_OK = AnswerCheck.ok(Map.of("/status", "200"), "/data/token", "",
            "\"status\":200", "\"token\":\"");
    private static final Success PARTNER_OK = AnswerCheck.ok(Map.of("/status/statusCode", "200"), "/data/token", "",
            "\"statusCode\":200", "\"token\":\"");
    private static final Success MOBILE_SIGN_IN_OK = AnswerCheck.ok(Map.of("/resCode", "200", "/data/resCode", "100"),
            "/data/token", "Bearer ", "\"resCode\":200", "\"resCode\":100", "\"token\":\"Bearer ");
    private static final Success PIN_DEVICE_OK = AnswerCheck.ok(Map.of("/resCode", "ONB200"), "/data/token", "",
            "\"resCode\":\"ONB200\"", "\"token\":\"");
    private static final Success GET_TOKEN_OK = AnswerCheck.ok(Map.of("/resCode", "200"), "/data/token", "",
            "\"resCode\":200", "\"token\":\"");

    /** Ids of the scenarios others are compared with. */
    static final String PASSWORD_GRANT = "password-grant";
    static final String CLIENT_CREDENTIALS_GRANT = "client-credentials-grant";
    static final String MOBILE_SIGN_IN = "mobile-sign-in";

    /*
     * The targets of issue 19, each against the cheapest thing that does the same work: the password-based APIs
     * against the password grant (both spend one password hash); mobile sign-in against the client-credentials grant
     * (a token, no user credential) and Get Token at least its equal (it is that grant behind a header); PIN and device
     * login against mobile sign-in, which is the same app-token login without the PIN or the device proof, so the ratio
     * is what the PIN check and the limiter, or the one RSA decryption of the device id, cost.
     */
    private static final Target PASSWORD_BASED = new Target(PASSWORD_GRANT, 0.95);
    private static final Target MOBILE_SIGN_IN_TARGET = new Target(CLIENT_CREDENTIALS_GRANT, 0.7);
    private static final Target PIN_LOGIN_TARGET = new Target(MOBILE_SIGN_IN, 0.9);
    private static final Target DEVICE_LOGIN_TARGET = new Target(MOBILE_SIGN_IN, 0.8);
    private static final Target GET_TOKEN_TARGET = new Target(CLIENT_CREDENTIALS_GRANT, 1.0);

    /** Scenarios whose success leaves no stored user session: client-credentials grants keep theirs transient. */
    private static final Set<String> SESSIONLESS = Set.of(CLIENT_CREDENTIALS_GRANT, "get-token");

    private final HttpClient http;
    private final String realmUrl;
    private final int populationSize;
    private final int workers;

    /**
     * @param realmUrl e.g. http://localhost:8080/realms/demo
     * @param populationSize population users seeded so far (indexes 0..size-1)
     * @param workers the load's concurrency, for which worker users were seeded
     */
    Scenarios(HttpClient http, String realmUrl, int populationSize, int workers) {
        this.http = http;
        this.realmUrl = realmUrl;
        this.populationSize = populationSize;
        this.workers = workers;
    }

    /** Every API of the project, in the report's order; Keycloak's own grants are not among them. */
    List<Scenario> everyApi(ClientCrypto crypto, String keyRef) {
        return List.of(emailPassword(), cardPortal(), partner(crypto), mobileSignIn(), pinLogin(),
                deviceLogin(crypto, keyRef), getToken());
    }

    /** Whether a success of the scenario leaves a user session in Keycloak's store until it expires. */
    static boolean makesUserSession(String scenarioId) {
        return !SESSIONLESS.contains(scenarioId);
    }

    Scenario nativePasswordGrant() {
        return Scenario.baseline(PASSWORD_GRANT, "Keycloak password grant", (worker, n) -> form(
                realmUrl + "/protocol/openid-connect/token", Map.of(), "grant_type", "password",
                "client_id", DemoClients.NATIVE_PASSWORD, "username", user(worker, n).email(),
                "password", Users.PASSWORD, "scope", "openid"), NATIVE_OK);
    }

    Scenario nativeClientCredentialsGrant() {
        Map<String, String> basic = Map.of("Authorization", basic(DemoClients.MOBILE_APP, DemoClients.MOBILE_APP_SECRET));
        return Scenario.baseline(CLIENT_CREDENTIALS_GRANT, "Keycloak client-credentials grant",
                (worker, n) -> form(realmUrl + "/protocol/openid-connect/token", basic, "grant_type", "client_credentials"), NATIVE_OK);
    }

    Scenario emailPassword() {
        return new Scenario("email-password", "Email/password", Optional.of(PASSWORD_BASED), (worker, n) -> json(
                realmUrl + "/fintech/user/login", Map.of(),
                Map.of("emailId", user(worker, n).email(), "password", Users.PASSWORD)), EMAIL_PASSWORD_OK, false);
    }

    Scenario cardPortal() {
        return new Scenario("card-portal", "Card portal, checksum", Optional.of(PASSWORD_BASED), (worker, n) -> {
            String mobile = user(worker, n).mobile();
            Map<String, String> headers = Map.of("affiliate", DemoClients.AFFILIATE,
                    "processor-key", DemoClients.PROCESSOR_KEY,
                    "checksum", sha256Hex(mobile + Users.PASSWORD + DemoClients.CHECKSUM_SECRET));
            return form(realmUrl + "/fintech/airpay/ms/cards/api/user-login", headers, "mobile_no", mobile, "password", Users.PASSWORD);
        }, CARD_PORTAL_OK, false);
    }

    Scenario partner(ClientCrypto crypto) {
        return new Scenario("partner", "Partner, encrypted payload", Optional.of(PASSWORD_BASED), (worker, n) -> {
            String payload = "{\"userName\":\"" + user(worker, n).username() + "\",\"password\":\"" + Users.PASSWORD
                    + "\",\"timestamp\":" + System.currentTimeMillis() + "}";
            ClientCrypto.Sealed sealed = crypto.seal(payload);
            Map<String, String> headers = Map.of("keyValue", sealed.keyValue(), "ivValue", sealed.ivValue(), "hmac", sealed.hmac());
            return json(realmUrl + "/fintech/getToken", headers, Map.of("encryptData", sealed.encryptData()));
        }, PARTNER_OK, true);
    }

    Scenario mobileSignIn() {
        AppToken app = new AppToken(http, realmUrl, DemoClients.MOBILE_APP, DemoClients.MOBILE_APP_SECRET);
        return new Scenario(MOBILE_SIGN_IN, "Mobile sign-in", Optional.of(MOBILE_SIGN_IN_TARGET), (worker, n) -> {
            String appToken = app.current();
            return json(realmUrl + "/fintech/lending/v1/token", Map.of("X-API-KEY", DemoClients.MOBILE_APP, "X-API-TOKEN", appToken),
                    Map.of("token", appToken, "mobile", Users.populationMobile(randomUser())));
        }, MOBILE_SIGN_IN_OK, false);
    }

    Scenario pinLogin() {
        AppToken app = new AppToken(http, realmUrl, DemoClients.PIN_APP, DemoClients.PIN_APP_SECRET);
        return new Scenario("pin-login", "PIN login (mode 1)", Optional.of(PIN_LOGIN_TARGET),
                (worker, n) -> pinLoginOf(app, randomUser()), PIN_DEVICE_OK, false);
    }

    /**
     * PIN login of every population user in turn, user {@code worker + sequence * workers}: each user once when the
     * workers send {@code populationSize / workers} requests each.
     */
    Scenario pinLoginOfEveryUser() {
        AppToken app = new AppToken(http, realmUrl, DemoClients.PIN_APP, DemoClients.PIN_APP_SECRET);
        return new Scenario("pin-login-every-user", "PIN login of every user once", Optional.of(PIN_LOGIN_TARGET),
                (worker, n) -> pinLoginOf(app, (int) ((worker + n * workers) % populationSize)), PIN_DEVICE_OK, false);
    }

    private BenchRequest pinLoginOf(AppToken app, int user) {
        String appToken = app.current();
        return json(realmUrl + "/fintech/onboarding/user/v2/login", pinAppHeaders(appToken, Users.populationAccountNumber(user)),
                onboardingBody(appToken, Users.PIN, 1, "", Users.populationDeviceId(user)));
    }

    Scenario deviceLogin(ClientCrypto crypto, String keyRef) {
        AppToken app = new AppToken(http, realmUrl, DemoClients.PIN_APP, DemoClients.PIN_APP_SECRET);
        return new Scenario("device-login", "Device login (mode 2)", Optional.of(DEVICE_LOGIN_TARGET), (worker, n) -> {
            String appToken = app.current();
            int user = randomUser();
            String deviceId = Users.populationDeviceId(user);
            return json(realmUrl + "/fintech/onboarding/user/v2/login", pinAppHeaders(appToken, Users.populationAccountNumber(user)),
                    onboardingBody(appToken, crypto.encryptDeviceId(deviceId), 2, keyRef, deviceId));
        }, PIN_DEVICE_OK, true);
    }

    Scenario getToken() {
        Map<String, String> headers = Map.of("X-API-KEY", DemoClients.MOBILE_APP, "X-API-SECRET", DemoClients.MOBILE_APP_SECRET);
        return new Scenario("get-token", "Get Token", Optional.of(GET_TOKEN_TARGET),
                (worker, n) -> new BenchRequest("POST", URI.create(realmUrl + "/fintech/market-place/v1/token"), headers, null),
                GET_TOKEN_OK, false);
    }

    /** The realm's encryption key as the public-key API gives it: {keyRef, publicKey}. */
    JsonNode publicKey() {
        return getJson(realmUrl + "/fintech/onboarding/user/v1/public-key").get("data");
    }

    private Users.Worker user(int worker, long sequence) {
        return Users.worker(worker, workers, sequence);
    }

    private int randomUser() {
        return ThreadLocalRandom.current().nextInt(populationSize);
    }

    static Map<String, String> pinAppHeaders(String appToken, String accountNumber) {
        return Map.of("X-API-KEY", DemoClients.PIN_APP, "X-API-TOKEN", appToken, "X-ACCOUNT-NUMBER", accountNumber);
    }

    static Map<String, Object> onboardingBody(String appToken, String pin, int mode, String keyRef, String deviceId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("keyRef", keyRef);
        body.put("pin", pin);
        body.put("signInMode", mode);
        body.put("token", appToken);
        body.put("authType", "1");
        body.put("deviceId", deviceId);
        return body;
    }

    private JsonNode getJson(String url) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + url + " answered HTTP " + response.statusCode());
            }
            return JSON.readTree(response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        } catch (IOException e) {
            throw new IllegalStateException("GET " + url + " failed: " + e.getMessage(), e);
        }
    }

    private static BenchRequest form(String url, Map<String, String> headers, String... namesAndValues) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (body.length() > 0) {
                body.append('&');
            }
            body.append(enc(namesAndValues[i])).append('=').append(enc(namesAndValues[i + 1]));
        }
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Content-Type", "application/x-www-form-urlencoded");
        return new BenchRequest("POST", URI.create(url), all, body.toString().getBytes(StandardCharsets.UTF_8));
    }

    static BenchRequest json(String url, Map<String, String> headers, Map<String, Object> body) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Content-Type", "application/json");
        try {
            return new BenchRequest("POST", URI.create(url), all, JSON.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((enc(user) + ":" + enc(password)).getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
