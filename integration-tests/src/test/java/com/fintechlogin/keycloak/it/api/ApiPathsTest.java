package com.fintechlogin.keycloak.it.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import com.fintechlogin.keycloak.it.support.DemoRealm;
import com.fintechlogin.keycloak.it.support.FintechServerConfig;

import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * Every documented path below {@code /realms/{realm}/fintech} reaches its API, with or without a trailing slash, and
 * no other path does: a near miss (another case, an extra or missing segment, an encoded slash that a proxy routing by
 * the raw path would not take for a separator) is Keycloak's own 404, in Keycloak's form, whatever its body. Sent with
 * a plain client rather than the tests' {@code Http}, which holds every exchange to the OpenAPI document: these paths
 * are, on purpose, not all in it.
 */
@KeycloakIntegrationTest(config = FintechServerConfig.class)
class ApiPathsTest {

    /** Each login path and the field its API's envelope always has. */
    private static final Map<String, String> LOGIN_PATHS = Map.of(
            "market-place/v1/token", "resCode",
            "lending/v1/token", "resCode",
            "onboarding/user/v2/login", "resCode",
            "onboarding/user/login/v1", "resCode",
            "onboarding/user/v1/pin", "resCode",
            "onboarding/user/v1/device", "resCode",
            "airpay/ms/cards/api/user-login", "status",
            "getToken", "response",
            "user/login", "responseCode");

    private static final List<String> ENVELOPE_FIELDS = List.of("resCode", "resDesc", "responseCode", "responseMessage", "\"status\"", "\"response\"");

    @InjectRealm(fromJson = DemoRealm.JSON, lifecycle = LifeCycle.GLOBAL)
    ManagedRealm realm;

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private record Answer(int status, String body) {

        JsonNode json() {
            try {
                return new ObjectMapper().readTree(body);
            } catch (IOException e) {
                throw new AssertionError("Not JSON (HTTP " + status + "): " + body, e);
            }
        }
    }

    private Answer send(String method, String path, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(realm.getBaseUrl() + "/fintech/" + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    void everyDocumentedPathReachesItsApiWithOrWithoutATrailingSlash() {
        LOGIN_PATHS.forEach((path, field) -> {
            for (String asSent : List.of(path, path + "/")) {
                Answer answer = send("POST", asSent, "application/json", "{}");
                assertThat(answer.json().has(field)).as("POST %s: %s", asSent, answer.body()).isTrue();
            }
        });
        for (String asSent : List.of("onboarding/user/v1/public-key", "onboarding/user/v1/public-key/")) {
            Answer key = send("GET", asSent, null, null);
            assertThat(key.status()).as("GET %s: %s", asSent, key.body()).isEqualTo(200);
            assertThat(key.json().path("data").has("publicKey")).isTrue();
        }
        Answer document = send("GET", "openapi.json", null, null);
        assertThat(document.json().has("openapi")).as(document.body()).isTrue();
    }

    @Test
    void anyOtherPathIsKeycloaksNotFound() {
        List<String> nearMisses = List.of("nope", "market-place/v1/token/extra", "market-place/v1", "Market-Place/v1/token",
                "market-place%2Fv1%2Ftoken", "market-place/v1%2Ftoken", "user/login.json", "getTokens", "openapi");
        for (String path : nearMisses) {
            for (String contentType : List.of("application/json", "multipart/form-data")) {
                Answer answer = send("POST", path, contentType, "{}");
                assertThat(answer.status()).as("POST %s (%s): %s", path, contentType, answer.body()).isEqualTo(404);
                assertThat(answer.body()).as("POST %s (%s)", path, contentType).doesNotContain(ENVELOPE_FIELDS);
                assertThat(answer.json().has("error")).as("Keycloak's own error form: %s", answer.body()).isTrue();
            }
        }
    }
}
