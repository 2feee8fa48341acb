package com.fintechlogin.keycloak.it.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fintechlogin.keycloak.it.support.DemoRealm;
import com.fintechlogin.keycloak.it.support.FintechServerConfig;
import com.fintechlogin.keycloak.it.support.Http;

import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * The project's exception mappers are registered server-wide, since Keycloak's HTTP layer fails on a malformed form or
 * Content-Type before any endpoint runs. On the project's paths they answer in the API's own envelope; everywhere
 * else they must leave Keycloak's answer as it is. The same broken requests, sent to Keycloak's token endpoint and to
 * the card portal, show both.
 */
@KeycloakIntegrationTest(config = FintechServerConfig.class)
class KeycloakEndpointsKeepTheirErrorsTest {

    /** Field names of the APIs' envelopes: none may appear in an answer of Keycloak's own endpoints. */
    private static final List<String> ENVELOPE_FIELDS = List.of("resCode", "resDesc", "responseCode", "responseMessage", "\"status\"");

    @InjectRealm(fromJson = DemoRealm.JSON, lifecycle = LifeCycle.GLOBAL)
    ManagedRealm realm;

    private Http.Answer send(String path, String contentType, String body) {
        return Http.send("POST", realm.getBaseUrl() + path, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    @Test
    void brokenRequestsToKeycloaksTokenEndpointGetKeycloaksAnswersAndTheCardPortalItsOwn() {
        Map<String, String> broken = Map.of(
                "multipart/form-data; boundary=xyz", "--xyz\r\nContent-Disposition: form-data; name=\"grant_type\"\r\n\r\npass",
                "application/x-www-form-urlencoded; charset", "grant_type=password",
                "multipart/form-data", "not a multipart body");
        broken.forEach((contentType, body) -> {
            Http.Answer keycloak = send("/protocol/openid-connect/token", contentType, body);
            assertThat(keycloak.status()).as("token endpoint, %s: %s", contentType, keycloak.body()).isBetween(400, 599);
            assertThat(keycloak.body()).as("token endpoint, %s", contentType).doesNotContain(ENVELOPE_FIELDS);
            if (!keycloak.body().isBlank()) {
                assertThat(keycloak.json().has("error")).as("Keycloak's own error form: %s", keycloak.body()).isTrue();
            }

            Http.Answer portal = send("/fintech/airpay/ms/cards/api/user-login", contentType, body);
            System.out.printf("%s: token endpoint HTTP %d %s; card portal HTTP %d %s%n", contentType, keycloak.status(), keycloak.body(),
                    portal.status(), portal.body());
            assertThat(portal.body()).as("card portal, %s", contentType).contains("\"status\"");
        });
    }
}
