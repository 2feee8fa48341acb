package com.fintechlogin.keycloak.it.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fintechlogin.keycloak.it.support.DemoRealm;
import com.fintechlogin.keycloak.it.support.FintechServerConfig;
import com.fintechlogin.keycloak.it.support.Http;
import com.fintechlogin.keycloak.it.support.Tokens;
import com.nimbusds.jwt.JWTClaimsSet;

import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.testframework.annotations.InjectEvents;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.events.Events;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.realm.ManagedRealm;

/** The Get Token API, {@code POST /realms/demo/fintech/market-place/v1/token}, against a real Keycloak. */
@KeycloakIntegrationTest(config = FintechServerConfig.class)
class GetTokenApiTest {

    private static final String UNAUTHORIZED = "{\"resCode\":401,\"resDesc\":\"Unauthorized\"}";

    @InjectRealm(fromJson = DemoRealm.JSON, lifecycle = LifeCycle.GLOBAL)
    ManagedRealm realm;

    @InjectEvents
    Events events;

    private Http.Answer getToken(Map<String, String> headers) {
        return Http.send("POST", realm.getBaseUrl() + "/fintech/market-place/v1/token", null, null, headers);
    }

    @Test
    void appKeyAndSecretGetTheAppsOwnTokenWithExpiryInEpochMillis() throws Exception {
        Http.Answer answer = getToken(Map.of("X-API-KEY", DemoRealm.MOB_APP, "X-API-SECRET", DemoRealm.MOB_APP_SECRET));

        assertThat(answer.status()).isEqualTo(200);
        JsonNode body = answer.json();
        assertThat(body.get("resCode").asInt()).isEqualTo(200);
        assertThat(body.get("resDesc").asText()).isEqualTo("SUCCESS");
        JWTClaimsSet claims = Tokens.verify(realm, body.at("/data/token").asText());
        assertThat(claims.getStringClaim("azp")).isEqualTo(DemoRealm.MOB_APP);
        String serviceAccountId = realm.admin().clients().findByClientId(DemoRealm.MOB_APP).get(0).getId();
        assertThat(claims.getSubject()).isEqualTo(realm.admin().clients().get(serviceAccountId).getServiceAccountUser().getId());
        assertThat(body.at("/data/expiry").isNumber()).isTrue();
        assertThat(body.at("/data/expiry").asLong()).isEqualTo(claims.getExpirationTime().getTime());
        assertThat(Tokens.lifetime(claims)).isBetween(895L, 900L);
    }

    @Test
    void headerNamesAreCaseInsensitive() {
        assertThat(getToken(Map.of("x-api-key", DemoRealm.MOB_APP, "x-api-secret", DemoRealm.MOB_APP_SECRET)).status()).isEqualTo(200);
    }

    @Test
    void wrongSecretUnknownKeyPublicClientOrMissingHeaderAnswer401() {
        Map<String, Map<String, String>> cases = Map.of(
                "wrong secret", Map.of("X-API-KEY", DemoRealm.MOB_APP, "X-API-SECRET", "not-the-secret"),
                "unknown client", Map.of("X-API-KEY", "no-such-app", "X-API-SECRET", DemoRealm.MOB_APP_SECRET),
                "public client", Map.of("X-API-KEY", DemoRealm.USER_API_CLIENT, "X-API-SECRET", "anything"),
                "no secret", Map.of("X-API-KEY", DemoRealm.MOB_APP),
                "no key", Map.of("X-API-SECRET", DemoRealm.MOB_APP_SECRET));

        cases.forEach((name, headers) -> {
            Http.Answer answer = getToken(headers);
            assertThat(answer.status()).as(name).isEqualTo(401);
            assertThat(answer.body()).as(name).isEqualTo(UNAUTHORIZED);
        });
    }

    @Test
    void successAndFailureEmitClientLoginEventsWithoutTheSecret() {
        getToken(Map.of("X-API-KEY", DemoRealm.MOB_APP, "X-API-SECRET", DemoRealm.MOB_APP_SECRET));
        getToken(Map.of("X-API-KEY", DemoRealm.MOB_APP, "X-API-SECRET", "wrong-secret-value"));

        EventRepresentation success = events.poll();
        EventRepresentation failure = events.poll();

        assertThat(success.getType()).isEqualTo("CLIENT_LOGIN");
        assertThat(success.getClientId()).isEqualTo(DemoRealm.MOB_APP);
        assertThat(success.getDetails()).containsEntry("fintech_api", "get-token");
        assertThat(failure.getType()).isEqualTo("CLIENT_LOGIN_ERROR");
        assertThat(failure.getClientId()).isEqualTo(DemoRealm.MOB_APP);
        assertThat(failure.getDetails()).containsEntry("reason", "client_refused");
        assertThat(String.valueOf(success.getDetails()) + failure.getDetails())
                .doesNotContain(DemoRealm.MOB_APP_SECRET).doesNotContain("wrong-secret-value");
    }
}
