package com.fintechlogin.keycloak.it.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fintechlogin.keycloak.it.support.DemoRealm.TestUser;
import com.fintechlogin.keycloak.it.support.DemoRealm;
import com.fintechlogin.keycloak.it.support.FintechServerConfig;
import com.fintechlogin.keycloak.it.support.Http;
import com.fintechlogin.keycloak.it.support.TestApps;
import com.fintechlogin.keycloak.it.support.Tokens;
import com.nimbusds.jwt.JWTClaimsSet;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.representations.idm.PartialImportRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectEvents;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.events.Events;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.realm.ManagedRealm;

/** Seed 000, {@code POST /realms/demo/fintech/lending/v1/token}, against a real Keycloak with the demo realm. */
@KeycloakIntegrationTest(config = FintechServerConfig.class)
class MobileSignInApiTest {

    private static final String UNAUTHORIZED = "{\"resCode\":401,\"resDesc\":\"Unauthorized\"}";
    private static final String USER_NOT_FOUND = "{\"resCode\":404,\"resDesc\":\"User not found\"}";

    @InjectRealm(fromJson = DemoRealm.JSON, lifecycle = LifeCycle.GLOBAL)
    ManagedRealm realm;

    @InjectEvents
    Events events;

    private String signInUrl() {
        return realm.getBaseUrl() + "/fintech/lending/v1/token";
    }

    private String mobAppToken() {
        return TestApps.getToken(realm, DemoRealm.MOB_APP, DemoRealm.MOB_APP_SECRET);
    }

    private Http.Answer signIn(String apiKey, String headerToken, String body) {
        return signInAs("application/json", apiKey, headerToken, body);
    }

    private Http.Answer signInAs(String contentType, String apiKey, String headerToken, String body) {
        Map<String, String> headers = new HashMap<>();
        if (apiKey != null) {
            headers.put("X-API-KEY", apiKey);
        }
        if (headerToken != null) {
            headers.put("X-API-TOKEN", headerToken);
        }
        return Http.send("POST", signInUrl(), contentType, body.getBytes(StandardCharsets.UTF_8), headers);
    }

    private Http.Answer signIn(String apiKey, String appToken, String bodyToken, String mobile) {
        return signIn(apiKey, appToken, "{\"token\": " + Http.jsonString(bodyToken) + ", \"mobile\": " + Http.jsonString(mobile) + "}");
    }

    /** The document's sample curl body, trailing comma included, with a fresh app token in place of the placeholder. */
    private static String sampleBody(String appToken) {
        return "{\n  \"token\": \"" + appToken + "\",\n  \"mobile\": \"9999097535\",\n}";
    }

    @Test
    void sampleCurlVerbatimSignsTheSampleUserIn() throws Exception {
        String appToken = mobAppToken();

        // curl --data-raw without a Content-Type header, as in the document, sends the form media type.
        Http.Answer answer = signInAs("application/x-www-form-urlencoded", DemoRealm.MOB_APP, appToken, sampleBody(appToken));

        assertThat(answer.status()).isEqualTo(200);
        JsonNode body = answer.json();
        assertThat(body.get("resCode").asInt()).isEqualTo(200);
        assertThat(body.get("resDesc").asText()).isEqualTo("SUCCESS");
        assertThat(body.at("/data/resCode").asInt()).isEqualTo(100);
        assertThat(body.at("/data/resDesc").asText()).isEqualTo("Success");
        String token = body.at("/data/token").asText();
        assertThat(token).startsWith("Bearer ");
        JWTClaimsSet claims = Tokens.verify(realm, token.substring("Bearer ".length()));
        assertThat(body.at("/data/expiry").isNumber()).isTrue();
        assertThat(body.at("/data/expiry").asLong()).isEqualTo(claims.getExpirationTime().getTime());
        String sampleUserId = realm.admin().users().searchByAttributes("mobile:" + DemoRealm.SAMPLE_MOBILE).get(0).getId();
        assertThat(claims.getSubject()).isEqualTo(sampleUserId);
    }

    @Test
    void tokenCarriesTheDocumentedClaimsAndLivesFifteenMinutes() throws Exception {
        String appToken = mobAppToken();
        String token = signIn(DemoRealm.MOB_APP, appToken, sampleBody(appToken)).json().at("/data/token").asText().substring(7);

        JWTClaimsSet claims = Tokens.verify(realm, token);

        assertThat(Tokens.lifetime(claims)).isBetween(895L, 900L);
        assertThat(claims.getStringClaim("azp")).isEqualTo(DemoRealm.MOB_APP);
        assertThat(claims.getClaim("X-ACCOUNT-NUMBER")).isEqualTo(2841L);
        assertThat(claims.getClaim("X-PROGRAM-ID")).isEqualTo(1111L);
        assertThat(claims.getClaim("PROGRAM_ID")).isEqualTo(1111L);
        assertThat(claims.getClaim("TOKEN_EXPIRY")).isEqualTo(Tokens.lifetime(claims));
        assertThat(claims.getStringClaim("ALLOWED_IPS")).isEqualTo("*");
        assertThat(claims.getStringClaim("REFERENCE_ID")).isNotBlank().isEqualTo(claims.getStringClaim("sid"));
    }

    @Test
    void appTokenFromTheStandardTokenEndpointIsAcceptedToo() {
        String appToken = TestApps.clientCredentials(realm, DemoRealm.MOB_APP, DemoRealm.MOB_APP_SECRET);

        assertThat(signIn(DemoRealm.MOB_APP, "Bearer " + appToken, appToken, DemoRealm.SAMPLE_MOBILE).status()).isEqualTo(200);
    }

    @Test
    void standardTokenEndpointRunsTheSameStepForTheAppWithItsCredentials() {
        String tokenUrl = realm.getBaseUrl() + "/protocol/openid-connect/token";
        Map<String, String> form = Map.of("grant_type", "password", "username", "+91 " + DemoRealm.SAMPLE_MOBILE);

        Http.Answer withCredentials = Http.postForm(tokenUrl, form, Map.of("Authorization", Http.basic(DemoRealm.MOB_APP, DemoRealm.MOB_APP_SECRET)));
        Http.Answer wrongSecret = Http.postForm(tokenUrl, form, Map.of("Authorization", Http.basic(DemoRealm.MOB_APP, "wrong")));

        assertThat(withCredentials.status()).isEqualTo(200);
        assertThat(withCredentials.json().get("expires_in").asLong()).isBetween(895L, 900L);
        assertThat(wrongSecret.status()).isEqualTo(401);
    }

    @Test
    void mobileIsComparedAfterStrippingSpacesAndACountryOrTrunkPrefix() {
        TestUser user = DemoRealm.newUser(realm, Map.of("mobile", List.of("9812345670")));
        String appToken = mobAppToken();

        for (String written : List.of("9812345670", "+91 98123 45670", "09812345670", "+919812345670")) {
            Http.Answer answer = signIn(DemoRealm.MOB_APP, appToken, appToken, written);
            assertThat(answer.status()).as(written).isEqualTo(200);
        }
        assertThat(user.id()).isNotBlank();
    }

    @Test
    void missingOrInvalidFieldsAnswer400NamingTheField() {
        String appToken = mobAppToken();
        record Case(String apiKey, String headerToken, String body, String field) {
        }
        List<Case> cases = List.of(
                new Case(null, appToken, sampleBody(appToken), "X-API-KEY"),
                new Case(DemoRealm.MOB_APP, null, sampleBody(appToken), "X-API-TOKEN"),
                new Case(DemoRealm.MOB_APP, appToken, "{\"mobile\": \"9999097535\"}", "token"),
                new Case(DemoRealm.MOB_APP, appToken, "{\"token\": \"" + appToken + "x\", \"mobile\": \"9999097535\"}", "token"),
                new Case(DemoRealm.MOB_APP, appToken, "{\"token\": \"" + appToken + "\"}", "mobile"),
                new Case(DemoRealm.MOB_APP, appToken, "{\"token\": \"" + appToken + "\", \"mobile\": \"98-76'; DROP TABLE\"}", "mobile"),
                new Case(DemoRealm.MOB_APP, appToken, "{\"token\": \"" + appToken + "\", \"mobile\": {\"n\": 1}}", "mobile"),
                new Case(DemoRealm.MOB_APP, appToken, "{\"token\": ", "request body"));

        for (Case c : cases) {
            Http.Answer answer = signIn(c.apiKey(), c.headerToken(), c.body());
            assertThat(answer.status()).as(c.field()).isEqualTo(400);
            assertThat(answer.body()).as(c.field()).isEqualTo("{\"resCode\":400,\"resDesc\":\"Invalid " + c.field() + "\"}");
        }
    }

    @Test
    void unknownOrDisabledUserAnswers404() {
        String appToken = mobAppToken();
        TestUser disabled = DemoRealm.newUser(realm, Map.of("mobile", List.of(DemoRealm.freshMobile())));
        UserRepresentation rep = realm.admin().users().get(disabled.id()).toRepresentation();
        String disabledMobile = rep.firstAttribute("mobile");
        rep.setEnabled(false);
        realm.admin().users().get(disabled.id()).update(rep);

        Http.Answer unknown = signIn(DemoRealm.MOB_APP, appToken, appToken, DemoRealm.freshMobile());
        Http.Answer off = signIn(DemoRealm.MOB_APP, appToken, appToken, disabledMobile);

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).isEqualTo(USER_NOT_FOUND);
        assertThat(off.status()).isEqualTo(404);
        assertThat(off.body()).isEqualTo(USER_NOT_FOUND);
    }

    @Test
    void unknownClientAnotherAppsTokenAUserTokenOrAnExpiredTokenAnswer401() throws Exception {
        String mobAppToken = mobAppToken();
        TestApps.App other = TestApps.create(realm, 300, true);
        String otherAppToken = TestApps.getToken(realm, other.clientId(), other.secret());
        String userToken = signIn(DemoRealm.MOB_APP, mobAppToken, sampleBody(mobAppToken)).json().at("/data/token").asText().substring(7);
        TestApps.App shortLived = TestApps.create(realm, 1, true);
        String expiredToken = TestApps.getToken(realm, shortLived.clientId(), shortLived.secret());
        Thread.sleep(2100);

        Map<String, Http.Answer> answers = Map.of(
                "unknown client", signIn("no-such-app", mobAppToken, mobAppToken, DemoRealm.SAMPLE_MOBILE),
                "another app's token", signIn(DemoRealm.MOB_APP, otherAppToken, otherAppToken, DemoRealm.SAMPLE_MOBILE),
                "a user token", signIn(DemoRealm.MOB_APP, userToken, userToken, DemoRealm.SAMPLE_MOBILE),
                "an expired token", signIn(shortLived.clientId(), expiredToken, expiredToken, DemoRealm.SAMPLE_MOBILE),
                "a forged token", signIn(DemoRealm.MOB_APP, mobAppToken.substring(0, mobAppToken.length() - 4) + "AAAA",
                        mobAppToken.substring(0, mobAppToken.length() - 4) + "AAAA", DemoRealm.SAMPLE_MOBILE));

        answers.forEach((name, answer) -> {
            assertThat(answer.status()).as(name).isEqualTo(401);
            assertThat(answer.body()).as(name).isEqualTo(UNAUTHORIZED);
        });
        assertThat(signIn(other.clientId(), otherAppToken, otherAppToken, DemoRealm.SAMPLE_MOBILE).status())
                .as("the other app signs in with its own token").isEqualTo(200);
    }

    @Test
    void appWhoseFlowLacksTheMobileStepCannotSignUsersIn() {
        TestApps.App plain = TestApps.create(realm, 300, false);
        String appToken = TestApps.getToken(realm, plain.clientId(), plain.secret());

        Http.Answer answer = signIn(plain.clientId(), appToken, appToken, DemoRealm.SAMPLE_MOBILE);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.body()).isEqualTo(UNAUTHORIZED);
        EventRepresentation refusal = allEvents().stream().filter(e -> "LOGIN_ERROR".equals(e.getType())).findFirst().orElseThrow();
        assertThat(refusal.getDetails()).containsEntry("reason", "client_refused");
    }

    @Test
    void revokedAppTokenIsRefused() throws Exception {
        String appToken = mobAppToken();
        Thread.sleep(1100);
        String clientUuid = realm.admin().clients().findByClientId(DemoRealm.MOB_APP).get(0).getId();
        var mobApp = realm.admin().clients().get(clientUuid).toRepresentation();
        mobApp.setNotBefore((int) (System.currentTimeMillis() / 1000));
        realm.admin().clients().get(clientUuid).update(mobApp);
        realm.cleanup().add(r -> {
            var restored = r.clients().get(clientUuid).toRepresentation();
            restored.setNotBefore(0);
            r.clients().get(clientUuid).update(restored);
        });

        assertThat(signIn(DemoRealm.MOB_APP, appToken, appToken, DemoRealm.SAMPLE_MOBILE).status()).isEqualTo(401);
    }

    @Test
    void mobileNumbersAreUniqueOnCreateAndUpdate() {
        UserRepresentation twin = new UserRepresentation();
        twin.setUsername("twin-" + System.nanoTime());
        twin.setEnabled(true);
        twin.setAttributes(Map.of("mobile", List.of(DemoRealm.SAMPLE_MOBILE)));
        try (Response created = realm.admin().users().create(twin)) {
            assertThat(created.getStatus()).isEqualTo(400);
            assertThat(created.readEntity(String.class)).contains("Another user already has this value");
        }

        TestUser other = DemoRealm.newUser(realm, Map.of("mobile", List.of(DemoRealm.freshMobile())));
        UserRepresentation rep = realm.admin().users().get(other.id()).toRepresentation();
        rep.getAttributes().put("mobile", List.of(DemoRealm.SAMPLE_MOBILE));
        Throwable refused = catchThrowable(() -> realm.admin().users().get(other.id()).update(rep));
        assertThat(refused).isInstanceOf(BadRequestException.class);
        assertThat(((BadRequestException) refused).getResponse().readEntity(String.class)).contains("Another user already has this value");
        assertThat(realm.admin().users().get(other.id()).toRepresentation().firstAttribute("mobile")).isNotEqualTo(DemoRealm.SAMPLE_MOBILE);
    }

    @Test
    void mobileSharedByTwoUsersFailsClosedWith500() {
        String mobile = DemoRealm.freshMobile();
        List<UserRepresentation> twins = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            UserRepresentation twin = new UserRepresentation();
            twin.setUsername("twin-" + i + "-" + mobile);
            twin.setEnabled(true);
            twin.setAttributes(Map.of("mobile", List.of(mobile)));
            twins.add(twin);
        }
        PartialImportRepresentation partial = new PartialImportRepresentation();
        partial.setUsers(twins);
        partial.setIfResourceExists("SKIP");
        try (Response imported = realm.admin().partialImport(partial)) {
            assertThat(imported.getStatus()).isEqualTo(200);
        }
        realm.cleanup().add(r -> twins.forEach(t -> r.users().searchByUsername(t.getUsername(), true)
                .forEach(u -> r.users().delete(u.getId()).close())));
        String appToken = mobAppToken();

        Http.Answer answer = signIn(DemoRealm.MOB_APP, appToken, appToken, mobile);

        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.body()).isEqualTo("{\"resCode\":500,\"resDesc\":\"Internal Server Error\"}");
    }

    @Test
    void successAndFailureEmitLoginEventsWithReason() {
        String appToken = mobAppToken();
        signIn(DemoRealm.MOB_APP, appToken, sampleBody(appToken));
        signIn(DemoRealm.MOB_APP, appToken, appToken, DemoRealm.freshMobile());

        List<EventRepresentation> seen = allEvents();
        EventRepresentation success = seen.stream().filter(e -> "LOGIN".equals(e.getType())).findFirst().orElseThrow();
        assertThat(success.getClientId()).isEqualTo(DemoRealm.MOB_APP);
        assertThat(success.getUserId()).isEqualTo(realm.admin().users().searchByAttributes("mobile:" + DemoRealm.SAMPLE_MOBILE).get(0).getId());
        assertThat(success.getDetails()).containsEntry("fintech_api", "lending-token");
        EventRepresentation failure = seen.stream().filter(e -> "LOGIN_ERROR".equals(e.getType())).findFirst().orElseThrow();
        assertThat(failure.getClientId()).isEqualTo(DemoRealm.MOB_APP);
        assertThat(failure.getError()).isEqualTo("user_not_found");
        assertThat(failure.getDetails()).containsEntry("reason", "unknown_user");
        for (EventRepresentation event : seen) {
            assertThat(String.valueOf(event.getDetails())).doesNotContain(appToken);
        }
    }

    private List<EventRepresentation> allEvents() {
        List<EventRepresentation> seen = new ArrayList<>();
        for (EventRepresentation event = events.poll(); event != null; event = events.poll()) {
            seen.add(event);
        }
        return seen;
    }
}
