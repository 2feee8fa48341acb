package com.fintechlogin.keycloak.it.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fintechlogin.keycloak.it.support.DemoRealm.TestUser;
import com.fintechlogin.keycloak.it.support.DemoRealm;
import com.fintechlogin.keycloak.it.support.FintechServerConfig;
import com.fintechlogin.keycloak.it.support.Guessing;
import com.fintechlogin.keycloak.it.support.Http;
import com.fintechlogin.keycloak.it.support.Tokens;
import com.nimbusds.jwt.JWTClaimsSet;

import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.AuthenticationExecutionInfoRepresentation;
import org.keycloak.representations.idm.AuthenticatorConfigRepresentation;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectEvents;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.events.Events;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.realm.ManagedRealm;

/** Seed 004, {@code POST /realms/demo/fintech/user/login}, against a real Keycloak with the demo realm. */
@KeycloakIntegrationTest(config = FintechServerConfig.class)
class UserLoginApiTest {

    @InjectRealm(fromJson = DemoRealm.JSON, lifecycle = LifeCycle.GLOBAL)
    ManagedRealm realm;

    @InjectEvents
    Events events;

    private String loginUrl() {
        return realm.getBaseUrl() + "/fintech/user/login";
    }

    private Http.Answer login(String email, String password) {
        return Http.postJson(loginUrl(), "{\"emailId\": " + Http.jsonString(email) + ", \"password\": " + Http.jsonString(password) + "}");
    }

    @Test
    void sampleRequestOfTheDemoUserGetsTheDocumentedSuccessEnvelope() {
        Http.Answer answer = login(DemoRealm.DEMO_EMAIL, DemoRealm.DEMO_PASSWORD);

        assertThat(answer.status()).isEqualTo(200);
        JsonNode body = answer.json();
        assertThat(body.get("responseCode").asInt()).isEqualTo(200);
        assertThat(body.get("responseMessage").asText()).isEqualTo("Success");
        JsonNode data = body.get("responseData");
        assertThat(data.get("token").asText()).isNotBlank();
        assertThat(data.get("apiKey").asText()).hasSizeGreaterThanOrEqualTo(22);
        assertThat(data.get("emailId").asText()).isEqualTo(DemoRealm.DEMO_EMAIL);
        assertThat(data.get("expiry").isTextual()).as("expiry is a string of seconds").isTrue();
        assertThat(Long.parseLong(data.get("expiry").asText())).isBetween(3590L, 3600L);
        assertThat(answer.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
    }

    @Test
    void tokenIsARealmAccessTokenThatVerifiesAgainstTheJwksAndLivesAnHour() throws Exception {
        TestUser user = DemoRealm.newUser(realm);
        String token = login(user.email(), user.password()).json().at("/responseData/token").asText();

        JWTClaimsSet claims = Tokens.verify(realm, token);

        assertThat(claims.getSubject()).isEqualTo(user.id());
        assertThat(claims.getStringClaim("azp")).isEqualTo(DemoRealm.USER_API_CLIENT);
        assertThat(claims.getStringClaim("typ")).isEqualTo("Bearer");
        assertThat(claims.getAudience()).as("the demo gateway may introspect it").contains(DemoRealm.GATEWAY_CLIENT);
        assertThat(Tokens.lifetime(claims)).isBetween(3595L, 3600L);
    }

    @Test
    void tokenWorksAtUserinfoAndIntrospectionUntilTheUserSessionIsLoggedOut() {
        TestUser user = DemoRealm.newUser(realm);
        String token = login(user.email(), user.password()).json().at("/responseData/token").asText();

        Http.Answer userinfo = Http.get(realm.getBaseUrl() + "/protocol/openid-connect/userinfo", Map.of("Authorization", "Bearer " + token));
        assertThat(userinfo.status()).isEqualTo(200);
        assertThat(userinfo.json().get("email").asText()).isEqualTo(user.email());
        assertThat(introspect(token).get("active").asBoolean()).isTrue();

        realm.admin().users().get(user.id()).logout();

        assertThat(introspect(token).get("active").asBoolean()).isFalse();
        assertThat(Http.get(realm.getBaseUrl() + "/protocol/openid-connect/userinfo", Map.of("Authorization", "Bearer " + token)).status())
                .isEqualTo(401);
    }

    private JsonNode introspect(String token) {
        return Http.postForm(realm.getBaseUrl() + "/protocol/openid-connect/token/introspect", Map.of("token", token),
                Map.of("Authorization", Http.basic(DemoRealm.GATEWAY_CLIENT, DemoRealm.GATEWAY_SECRET))).json();
    }

    @Test
    void apiKeyIsIssuedOnceStaysStableAndIsRotatedByRemovingIt() {
        TestUser user = DemoRealm.newUser(realm);
        String first = login(user.email(), user.password()).json().at("/responseData/apiKey").asText();
        String second = login(user.email(), user.password()).json().at("/responseData/apiKey").asText();
        assertThat(second).isEqualTo(first);
        assertThat(realm.admin().users().get(user.id()).toRepresentation().firstAttribute("apiKey")).isEqualTo(first);

        UserRepresentation rep = realm.admin().users().get(user.id()).toRepresentation();
        rep.getAttributes().remove("apiKey");
        realm.admin().users().get(user.id()).update(rep);

        String rotated = login(user.email(), user.password()).json().at("/responseData/apiKey").asText();
        assertThat(rotated).isNotBlank().isNotEqualTo(first);
        TestUser other = DemoRealm.newUser(realm);
        assertThat(login(other.email(), other.password()).json().at("/responseData/apiKey").asText()).isNotEqualTo(rotated);
    }

    @Test
    void unknownEmailAnswers404() {
        Http.Answer answer = login("nobody-" + System.nanoTime() + "@fintech.example", "whatever");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.body()).isEqualTo("{\"responseCode\":404,\"responseMessage\":\"Please provide valid user details\"}");
    }

    @Test
    void wrongPasswordAnswers401WithCode405() {
        TestUser user = DemoRealm.newUser(realm);
        Http.Answer answer = login(user.email(), "not-" + user.password());

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.body()).isEqualTo("{\"responseCode\":405,\"responseMessage\":\"Please provide valid password\"}");
    }

    @Test
    void userDisabledByAnAdminAnswers403() {
        TestUser user = DemoRealm.newUser(realm);
        UserRepresentation rep = realm.admin().users().get(user.id()).toRepresentation();
        rep.setEnabled(false);
        realm.admin().users().get(user.id()).update(rep);

        Http.Answer answer = login(user.email(), user.password());

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.body()).isEqualTo("{\"responseCode\":403,\"responseMessage\":\"Account is disabled\"}");
    }

    @Test
    void userWithPendingRequiredActionsAnswers403NotSetUp() {
        TestUser user = DemoRealm.newUser(realm);
        UserRepresentation rep = realm.admin().users().get(user.id()).toRepresentation();
        rep.setRequiredActions(List.of("UPDATE_PASSWORD"));
        realm.admin().users().get(user.id()).update(rep);

        Http.Answer answer = login(user.email(), user.password());

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.body()).isEqualTo("{\"responseCode\":403,\"responseMessage\":\"Account is not fully set up\"}");
    }

    @Test
    void realmWithoutTheApiClientAnswers503InTheEnvelope() {
        RealmRepresentation rep = realm.admin().toRepresentation();
        rep.getAttributes().put("fintech.user-login.client-id", "no-such-client");
        realm.admin().update(rep);
        realm.cleanup().add(r -> {
            RealmRepresentation restored = r.toRepresentation();
            restored.getAttributes().put("fintech.user-login.client-id", DemoRealm.USER_API_CLIENT);
            r.update(restored);
        });

        Http.Answer answer = login(DemoRealm.DEMO_EMAIL, DemoRealm.DEMO_PASSWORD);

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.body()).isEqualTo("{\"responseCode\":503,\"responseMessage\":\"Service unavailable\"}");
    }

    @Test
    void bruteForceLockoutIsReachedThroughThisApiAndAnswers423EvenForTheRightPassword() throws Exception {
        TestUser user = DemoRealm.newUser(realm);
        for (int attempt = 0; attempt < 5; attempt++) {
            assertThat(login(user.email(), "wrong-" + attempt).status()).isEqualTo(401);
        }
        awaitLocked(user);

        Http.Answer answer = login(user.email(), user.password());

        assertThat(answer.status()).isEqualTo(423);
        assertThat(answer.body()).isEqualTo("{\"responseCode\":423,\"responseMessage\":\"Account is temporarily locked\"}");

        realm.admin().attackDetection().clearBruteForceForUser(user.id());
        assertThat(login(user.email(), user.password()).status()).isEqualTo(200);
    }

    @Test
    void fiftyParallelWrongPasswordsEvaluateAtMostTheLimitAndTheRightOneIsRefusedUntilAnAdminUnlocks() throws Exception {
        TestUser user = DemoRealm.newUser(realm);

        List<Http.Answer> answers = Guessing.inParallel(Guessing.GUESSES, i -> login(user.email(), "wrong-" + i));

        Guessing.assertAtMostTheLimitEvaluated(Guessing.loginErrorReasons(events, user.id()), Guessing.GUESSES);
        assertThat(answers).extracting(Http.Answer::status).containsOnly(401, 423);
        Http.Answer rightButLocked = login(user.email(), user.password());
        assertThat(rightButLocked.status()).isEqualTo(423);
        assertThat(Guessing.loginErrorReasons(events, user.id())).as("the right password was not evaluated")
                .singleElement().asString().endsWith("_locked");

        Guessing.unlockThroughAttackDetection(realm, user.id());
        assertThat(login(user.email(), user.password()).status()).isEqualTo(200);
    }

    @Test
    void theStandardTokenEndpointCountsAgainstTheSameLimitAsThisApi() throws Exception {
        TestUser user = DemoRealm.newUser(realm);
        String tokenUrl = realm.getBaseUrl() + "/protocol/openid-connect/token";

        List<Http.Answer> answers = Guessing.inParallel(Guessing.GUESSES, i -> Http.postForm(tokenUrl, Map.of(
                "grant_type", "password", "client_id", DemoRealm.USER_API_CLIENT,
                "username", user.email(), "password", "wrong-" + i), Map.of()));

        assertThat(answers).extracting(Http.Answer::status).allSatisfy(status -> assertThat(status).isIn(400, 401));
        Guessing.assertAtMostTheLimitEvaluated(Guessing.loginErrorReasons(events, user.id()), Guessing.GUESSES);
        assertThat(login(user.email(), user.password()).status()).as("this API sees the token endpoint's lock").isEqualTo(423);

        Guessing.unlockThroughAttackDetection(realm, user.id());
        assertThat(login(user.email(), user.password()).status()).isEqualTo(200);
    }

    private void awaitLocked(TestUser user) throws InterruptedException {
        DemoRealm.awaitKeycloakLockout(realm, user.id());
    }

    @Test
    void enumerationSafeSettingAnswersAnUnknownEmailLikeAWrongPassword() {
        AuthenticatorConfigRepresentation config = emailIdentifierConfig();
        config.getConfig().put("enumerationSafe", "true");
        realm.admin().flows().updateAuthenticatorConfig(config.getId(), config);
        realm.cleanup().add(r -> {
            config.getConfig().put("enumerationSafe", "false");
            r.flows().updateAuthenticatorConfig(config.getId(), config);
        });
        TestUser user = DemoRealm.newUser(realm);

        Http.Answer unknown = login("nobody-" + System.nanoTime() + "@fintech.example", "whatever");
        Http.Answer wrongPassword = login(user.email(), "not-" + user.password());

        assertThat(unknown.status()).isEqualTo(wrongPassword.status()).isEqualTo(401);
        assertThat(unknown.body()).isEqualTo(wrongPassword.body());
    }

    private AuthenticatorConfigRepresentation emailIdentifierConfig() {
        AuthenticationExecutionInfoRepresentation identifier = realm.admin().flows().getExecutions(DemoRealm.EMAIL_PASSWORD_FLOW).stream()
                .filter(e -> "fintech-email-identifier".equals(e.getProviderId()))
                .findFirst().orElseThrow();
        return realm.admin().flows().getAuthenticatorConfig(identifier.getAuthenticationConfig());
    }

    @Test
    void successAndFailureEmitLoginEventsWithReasonAndNoPassword() {
        TestUser user = DemoRealm.newUser(realm);
        String wrongPassword = "wrong-" + user.password();
        login(user.email(), user.password());
        login(user.email(), wrongPassword);

        List<EventRepresentation> seen = new ArrayList<>();
        for (EventRepresentation event = events.poll(); event != null; event = events.poll()) {
            seen.add(event);
        }
        EventRepresentation success = seen.stream().filter(e -> "LOGIN".equals(e.getType()) && user.id().equals(e.getUserId())).findFirst().orElseThrow();
        assertThat(success.getClientId()).isEqualTo(DemoRealm.USER_API_CLIENT);
        assertThat(success.getSessionId()).isNotBlank();
        assertThat(success.getDetails()).containsEntry("fintech_api", "user-login");

        EventRepresentation failure = seen.stream().filter(e -> "LOGIN_ERROR".equals(e.getType()) && user.id().equals(e.getUserId())).findFirst().orElseThrow();
        assertThat(failure.getClientId()).isEqualTo(DemoRealm.USER_API_CLIENT);
        assertThat(failure.getError()).isEqualTo("invalid_user_credentials");
        assertThat(failure.getDetails()).containsEntry("reason", "invalid_credentials").containsEntry("fintech_api", "user-login");

        for (EventRepresentation event : seen) {
            assertThat(String.valueOf(event.getDetails()) + event.getError()).doesNotContain(user.password()).doesNotContain(wrongPassword);
        }
    }

    @Test
    void standardTokenEndpointRunsTheSameAuthenticators() {
        TestUser user = DemoRealm.newUser(realm);
        String tokenUrl = realm.getBaseUrl() + "/protocol/openid-connect/token";

        Http.Answer granted = Http.postForm(tokenUrl, Map.of("grant_type", "password", "client_id", DemoRealm.USER_API_CLIENT,
                "username", user.email(), "password", user.password()), Map.of());
        Http.Answer refused = Http.postForm(tokenUrl, Map.of("grant_type", "password", "client_id", DemoRealm.USER_API_CLIENT,
                "username", user.email(), "password", "not-" + user.password()), Map.of());

        assertThat(granted.status()).isEqualTo(200);
        assertThat(granted.json().get("expires_in").asLong()).isBetween(3595L, 3600L);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void jsonSentAsCurlsDefaultFormContentTypeIsAccepted() {
        TestUser user = DemoRealm.newUser(realm);
        String json = "{\"emailId\": " + Http.jsonString(user.email()) + ", \"password\": " + Http.jsonString(user.password()) + "}";

        Http.Answer answer = Http.send("POST", loginUrl(), "application/x-www-form-urlencoded", json.getBytes(StandardCharsets.UTF_8), Map.of());

        assertThat(answer.status()).isEqualTo(200);
    }

    @Test
    void lenientInputsOfTheDocumentsAreAccepted() {
        TestUser user = DemoRealm.newUser(realm);
        String trailingCommaAndUnknownField = "{\n\"emailId\": " + Http.jsonString(user.email()) + ",\n\"password\": "
                + Http.jsonString(user.password()) + ",\n\"channel\": \"web\",\n}";

        Http.Answer answer = Http.send("POST", loginUrl(), "Application/JSON; charset=UTF-8",
                trailingCommaAndUnknownField.getBytes(StandardCharsets.UTF_8), Map.of());

        assertThat(answer.status()).isEqualTo(200);
    }

    @Test
    void malformedRequestsAnswerInTheEnvelopeWithA4xx() {
        String bad = "{\"responseCode\":400,\"responseMessage\":\"Please provide valid request\"}";
        String oversized = "{\"emailId\":\"a@b.c\",\"password\":\"" + "x".repeat(17 * 1024) + "\"}";
        String deep = "[".repeat(5000) + "]".repeat(5000);
        record Case(String name, String method, String contentType, byte[] body, int status) {
        }
        List<Case> cases = List.of(
                new Case("invalid JSON", "POST", "application/json", bytes("{\"emailId\": "), 400),
                new Case("empty body", "POST", "application/json", new byte[0], 400),
                new Case("JSON array", "POST", "application/json", bytes("[]"), 400),
                new Case("missing password", "POST", "application/json", bytes("{\"emailId\":\"a@b.c\"}"), 400),
                new Case("password as object", "POST", "application/json", bytes("{\"emailId\":\"a@b.c\",\"password\":{\"x\":1}}"), 400),
                new Case("null email", "POST", "application/json", bytes("{\"emailId\":null,\"password\":\"x\"}"), 400),
                new Case("duplicate field", "POST", "application/json", bytes("{\"emailId\":\"a@b.c\",\"emailId\":\"d@e.f\",\"password\":\"x\"}"), 400),
                new Case("too long email", "POST", "application/json", bytes("{\"emailId\":\"" + "a".repeat(300) + "@b.c\",\"password\":\"x\"}"), 400),
                new Case("deeply nested", "POST", "application/json", bytes(deep), 400),
                new Case("invalid UTF-8", "POST", "application/json", new byte[] {'{', '"', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}, 400),
                new Case("oversized body", "POST", "application/json", bytes(oversized), 413),
                new Case("form fields instead of JSON", "POST", "application/x-www-form-urlencoded", bytes("emailId=a&password=b"), 400),
                new Case("XML content type", "POST", "application/xml", bytes("<login/>"), 415),
                new Case("text content type", "POST", "text/plain", bytes("{\"emailId\":\"a@b.c\",\"password\":\"x\"}"), 415),
                new Case("GET", "GET", null, null, 405),
                new Case("PUT", "PUT", "application/json", bytes("{}"), 405),
                new Case("DELETE", "DELETE", null, null, 405));

        for (Case c : cases) {
            Http.Answer answer = Http.send(c.method(), loginUrl(), c.contentType(), c.body(), Map.of());
            assertThat(answer.status()).as(c.name()).isEqualTo(c.status());
            assertThat(answer.body()).as(c.name()).isEqualTo(bad);
            assertThat(answer.headers().firstValue("Content-Type")).as(c.name()).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
