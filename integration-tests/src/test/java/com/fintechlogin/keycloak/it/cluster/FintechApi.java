package com.fintechlogin.keycloak.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fintechlogin.bench.ClientCrypto;
import com.fintechlogin.keycloak.it.support.DemoRealm;
import com.fintechlogin.keycloak.it.security.RawHttp;
import com.fintechlogin.keycloak.it.support.Http;

/** The calls an app, a partner or a resource server makes to one node, as docs/api-reference.md documents them. */
final class FintechApi {

    private final String node;
    private final String realmUrl;

    FintechApi(KeycloakNode node) {
        this.node = node.name();
        this.realmUrl = node.realmUrl(TwoNodeCluster.REALM);
    }

    String node() {
        return node;
    }

    /** Seed 004: {@code POST /user/login}. */
    Http.Answer userLogin(String email, String password) {
        return Http.postJson(realmUrl + "/fintech/user/login",
                "{\"emailId\": " + Http.jsonString(email) + ", \"password\": " + Http.jsonString(password) + "}");
    }

    /** An answer to a request sent from a chosen source address: status, {@code Retry-After} (null if none), body. */
    record FromAddress(int status, String retryAfter, String body) {
    }

    /**
     * Seed 004's {@code POST /user/login} sent from the local address {@code from}: every 127.x.y.z is this host's
     * loopback and the nodes listen on 127.0.0.1, so the node sees a caller at {@code from}.
     */
    FromAddress userLoginFrom(String from, String email, String password) {
        return userLoginFrom(from, null, email, password);
    }

    /**
     * As {@link #userLoginFrom(String, String, String)}, with an {@code X-Forwarded-For} header naming
     * {@code forwardedFor} (none when null), as a proxy or a client may send it.
     */
    FromAddress userLoginFrom(String from, String forwardedFor, String email, String password) {
        URI url = URI.create(realmUrl + "/fintech/user/login");
        byte[] body = ("{\"emailId\": " + Http.jsonString(email) + ", \"password\": " + Http.jsonString(password) + "}")
                .getBytes(StandardCharsets.UTF_8);
        List<Map.Entry<String, byte[]>> headers = new ArrayList<>();
        headers.add(Map.entry("Content-Type", "application/json".getBytes(StandardCharsets.US_ASCII)));
        if (forwardedFor != null) {
            headers.add(Map.entry("X-Forwarded-For", forwardedFor.getBytes(StandardCharsets.US_ASCII)));
        }
        RawHttp.Response response = RawHttp.exchange(address(from), url.getHost(), url.getPort(),
                new RawHttp.Request("POST", url.getPath(), headers, body));
        List<String> retryAfter = RawHttp.headers(response.head()).entrySet().stream()
                .filter(header -> header.getKey().equalsIgnoreCase("Retry-After"))
                .flatMap(header -> header.getValue().stream()).toList();
        return new FromAddress(response.status(), retryAfter.isEmpty() ? null : retryAfter.get(0), response.body());
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException notALiteral) {
            throw new AssertionError(notALiteral);
        }
    }

    /** A user's access token from seed 004's login; fails the test unless it answers 200. */
    String userToken(String email, String password) {
        Http.Answer answer = userLogin(email, password);
        assertThat(answer.status()).as("seed-004 login on node %s: %s", node, answer.body()).isEqualTo(200);
        return answer.json().at("/responseData/token").asText();
    }

    /**
     * Keycloak's own password grant on its built-in {@code admin-cli} client (a public client with the grant on in every
     * realm an admin did not change), which checks the password itself: where a stranger who knows a customer's email
     * guesses outside the APIs.
     */
    Http.Answer keycloakPasswordGrant(String username, String password) {
        return Http.postForm(realmUrl + "/protocol/openid-connect/token", Map.of("grant_type", "password",
                "client_id", "admin-cli", "username", username, "password", password), Map.of());
    }

    /** The PIN app's app token from the Get Token API. */
    String pinAppToken() {
        Http.Answer answer = Http.send("POST", realmUrl + "/fintech/market-place/v1/token", null, null,
                Map.of("X-API-KEY", DemoRealm.PIN_APP, "X-API-SECRET", DemoRealm.PIN_APP_SECRET));
        assertThat(answer.status()).as("Get Token API on node %s: %s", node, answer.body()).isEqualTo(200);
        return answer.json().at("/data/token").asText();
    }

    /** Seed 001 login, mode 1 (PIN). */
    Http.Answer pinLogin(String appToken, String accountNumber, String pin, String deviceId) {
        return onboardingLogin(appToken, accountNumber, pin, 1, "", deviceId);
    }

    /** {@link #pinLogin} on an HTTP/1.1 connection of its own, as one of many apps logging in at once does. */
    Http.Answer pinLoginOnOwnConnection(String appToken, String accountNumber, String pin, String deviceId) {
        Map<String, Object> body = Map.of("keyRef", "", "pin", pin, "signInMode", 1, "token", appToken, "authType", "1",
                "deviceId", deviceId);
        return Http.sendOnOwnConnection("POST", realmUrl + "/fintech/onboarding/user/v2/login", "application/json",
                Http.json(body).getBytes(StandardCharsets.UTF_8),
                Map.of("X-API-KEY", DemoRealm.PIN_APP, "X-API-TOKEN", appToken, "X-ACCOUNT-NUMBER", accountNumber));
    }

    /** Seed 001 login, mode 2: the device id encrypted with the realm's published key {@code keyRef}. */
    Http.Answer deviceLogin(String appToken, String accountNumber, String ciphertext, String keyRef, String deviceId) {
        return onboardingLogin(appToken, accountNumber, ciphertext, 2, keyRef, deviceId);
    }

    /** Seed 001 login, mode 2 of a device registered with a key: its signature of the statement made at {@code timestamp}. */
    Http.Answer signedDeviceLogin(String appToken, String accountNumber, String signature, long timestamp, String deviceId) {
        return onboardingLogin(appToken, accountNumber, signature, 2, "", deviceId, Map.of("timestamp", timestamp));
    }

    private Http.Answer onboardingLogin(String appToken, String accountNumber, String pin, int mode, String keyRef, String deviceId) {
        return onboardingLogin(appToken, accountNumber, pin, mode, keyRef, deviceId, Map.of());
    }

    private Http.Answer onboardingLogin(String appToken, String accountNumber, String pin, int mode, String keyRef, String deviceId,
                                        Map<String, Object> more) {
        Map<String, Object> body = new HashMap<>(Map.of("keyRef", keyRef, "pin", pin, "signInMode", mode, "token", appToken,
                "authType", "1", "deviceId", deviceId));
        body.putAll(more);
        return Http.send("POST", realmUrl + "/fintech/onboarding/user/v2/login", "application/json",
                Http.json(body).getBytes(StandardCharsets.UTF_8),
                Map.of("X-API-KEY", DemoRealm.PIN_APP, "X-API-TOKEN", appToken, "X-ACCOUNT-NUMBER", accountNumber));
    }

    /** Seed 001's public key: {@code {keyRef, publicKey, algorithm}}. */
    JsonNode publicKey() {
        Http.Answer answer = Http.get(realmUrl + "/fintech/onboarding/user/v1/public-key", Map.of());
        assertThat(answer.status()).as("public key on node %s: %s", node, answer.body()).isEqualTo(200);
        return answer.json().get("data");
    }

    /** A user sets their PIN with their own token. */
    Http.Answer setPin(String userToken, String pin) {
        return postWithBearer("/fintech/onboarding/user/v1/pin", userToken, Map.of("pin", pin));
    }

    /** A user registers a device with their own token. */
    Http.Answer registerDevice(String userToken, String deviceId, boolean simBinding) {
        return postWithBearer("/fintech/onboarding/user/v1/device", userToken,
                Map.of("deviceId", deviceId, "simBindingEnabled", Boolean.toString(simBinding)));
    }

    /** A user registers a device with a key of its own (base64 SPKI of an EC P-256 public key). */
    Http.Answer registerKeyedDevice(String userToken, String deviceId, String publicKey) {
        return postWithBearer("/fintech/onboarding/user/v1/device", userToken, Map.of("deviceId", deviceId, "publicKey", publicKey));
    }

    private Http.Answer postWithBearer(String path, String bearer, Map<String, Object> body) {
        return Http.send("POST", realmUrl + path, "application/json", Http.json(body).getBytes(StandardCharsets.UTF_8),
                Map.of("Authorization", "Bearer " + bearer));
    }

    /** Seed 003: {@code POST /getToken} with a sealed payload. */
    Http.Answer partnerLogin(ClientCrypto.Sealed sealed) {
        return Http.send("POST", realmUrl + "/fintech/getToken", "application/json",
                Http.json(Map.of("encryptData", sealed.encryptData())).getBytes(StandardCharsets.UTF_8),
                Map.of("keyValue", sealed.keyValue(), "ivValue", sealed.ivValue(), "hmac", sealed.hmac()));
    }

    /** Token introspection as the demo's resource server {@code api-gateway} does it. */
    JsonNode introspect(String token) {
        Http.Answer answer = Http.postForm(realmUrl + "/protocol/openid-connect/token/introspect", Map.of("token", token),
                Map.of("Authorization", Http.basic(DemoRealm.GATEWAY_CLIENT, DemoRealm.GATEWAY_SECRET)));
        assertThat(answer.status()).as("introspection on node %s: %s", node, answer.body()).isEqualTo(200);
        return answer.json();
    }

    Http.Answer userinfo(String token) {
        return Http.get(realmUrl + "/protocol/openid-connect/userinfo", Map.of("Authorization", "Bearer " + token));
    }
}
