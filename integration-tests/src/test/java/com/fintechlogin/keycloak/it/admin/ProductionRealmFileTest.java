package com.fintechlogin.keycloak.it.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fintechlogin.keycloak.it.support.DemoRealm;
import com.fintechlogin.keycloak.it.support.FintechServerConfig;
import com.fintechlogin.keycloak.it.support.Http;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * The realm tool's {@code realm-file}: a production realm written from the demo one, imported, working with the
 * admin's vault entries, and already everything a {@code merge} would bring.
 */
@KeycloakIntegrationTest(config = FintechServerConfig.class)
class ProductionRealmFileTest {

    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final String AFFILIATE = "prod-it-affiliate";

    @InjectAdminClient
    Keycloak admin;

    @Test
    void theFileHasNoDemoUserOrSecretAndImportsIntoAWorkingRealm() throws Exception {
        String name = "prod-it-" + UUID.randomUUID().toString().substring(0, 8);
        Path file = Path.of(System.getProperty("user.dir"), "target", name + ".json");
        RealmToolRun written = RealmToolRun.run(List.of("realm-file", "--realm", name, "--affiliate-id", AFFILIATE,
                "--redirect-uri", "https://bank.example/callback", "--file", file.toString()));
        assertThat(written.exitCode()).as(written.errors()).isZero();
        assertThat(written.output()).contains(name + "_MOB-APP-secret", name + "_" + AFFILIATE + "-checksum-secret", name + "_pin-pepper");

        String text = Files.readString(file, StandardCharsets.UTF_8);
        JsonNode realmFile = JSON.readTree(text);
        assertThat(realmFile.get("realm").asText()).isEqualTo(name);
        assertThat(realmFile.has("users")).isFalse();
        assertThat(text.toLowerCase()).as("no demo name, user, secret or description").doesNotContain("demo");
        for (JsonNode client : realmFile.get("clients")) {
            if (client.has("secret")) {
                assertThat(client.get("secret").asText()).isEqualTo("${vault." + client.get("clientId").asText() + "-secret}");
            }
            if (client.path("standardFlowEnabled").asBoolean()) {
                assertThat(client.get("redirectUris")).hasSize(1);
                assertThat(client.get("redirectUris").get(0).asText()).isEqualTo("https://bank.example/callback");
            }
        }
        JsonNode affiliate = clientOf(realmFile, AFFILIATE);
        assertThat(affiliate.at("/attributes/fintech.affiliate.processor-key").asText()).isEqualTo("${vault." + AFFILIATE + "-processor-key}");
        assertThat(affiliate.at("/attributes/fintech.checksum.secret").asText()).isEqualTo("${vault." + AFFILIATE + "-checksum-secret}");

        admin.realms().create(JSON.readValue(text, RealmRepresentation.class));
        try {
            AdminsRealm realm = new AdminsRealm(name, admin.realm(name));
            realm.putVault("MOB-APP-2001-secret", "prod-it-pin-app-secret");
            realm.putVault(AFFILIATE + "-processor-key", "prod-it-processor-key");
            realm.putVault(AFFILIATE + "-checksum-secret", "prod-it-checksum-secret");
            assertThat(realm.getToken("MOB-APP-2001", "prod-it-pin-app-secret").status()).isEqualTo(200);
            assertThat(realm.getToken("MOB-APP-2001", "not-the-secret").status()).isEqualTo(401);
            // Keycloak compares a secret whose vault entry is missing with the reference's own text, which this file
            // shows to anyone: such an app must sign no one in, at the APIs or at Keycloak's own token endpoint.
            String reference = "${vault.MOB-APP-secret}";
            assertThat(realm.getToken("MOB-APP", reference).status()).as("Get Token with the reference's text").isEqualTo(401);
            String mobile0 = DemoRealm.freshMobile();
            realm.createUser(Map.of("mobile", List.of(mobile0)), List.of());
            Http.Answer grant = Http.postForm(RealmToolRun.SERVER + "/realms/" + name + "/protocol/openid-connect/token",
                    Map.of("grant_type", "password", "client_id", "MOB-APP", "client_secret", reference, "username", mobile0), Map.of());
            assertThat(grant.status()).as("mobile sign-in at the token endpoint with the reference's text: %s", grant.body()).isIn(400, 401);
            assertThat(grant.body()).doesNotContain("access_token");
            Http.Answer appToken = Http.postForm(RealmToolRun.SERVER + "/realms/" + name + "/protocol/openid-connect/token",
                    Map.of("grant_type", "client_credentials", "client_id", "MOB-APP", "client_secret", reference), Map.of());
            System.out.println("Keycloak's client-credentials grant with the reference's text: HTTP " + appToken.status());
            if (appToken.status() == 200) {
                String token = appToken.json().get("access_token").asText();
                Http.Answer signIn = Http.send("POST", realm.fintech("lending/v1/token"), "application/json",
                        ("{\"token\": " + Http.jsonString(token) + ", \"mobile\": " + Http.jsonString(mobile0) + "}").getBytes(StandardCharsets.UTF_8),
                        Map.of("X-API-KEY", "MOB-APP", "X-API-TOKEN", token));
                assertThat(signIn.status()).as("mobile sign-in with an app token Keycloak issued for the reference's text: %s", signIn.body())
                        .isNotEqualTo(200);
            }
            realm.putVault("MOB-APP-secret", "prod-it-mob-app-secret");
            assertThat(realm.getToken("MOB-APP", "prod-it-mob-app-secret").status()).isEqualTo(200);
            assertThat(realm.getToken("MOB-APP", reference).status()).as("once the entry exists, only its secret").isEqualTo(401);
            String mobile = DemoRealm.freshMobile();
            DemoRealm.NewUser user = realm.createUser(Map.of("mobile", List.of(mobile)), List.of());
            Http.Answer portal = realm.cardPortal(AFFILIATE, "prod-it-processor-key", "prod-it-checksum-secret", mobile, user.password());
            assertThat(portal.status()).as(portal.body()).isEqualTo(200);

            RealmToolRun merge = RealmToolRun.merge(name, "--affiliate-id", AFFILIATE, "--redirect-uri", "https://bank.example/callback");
            assertThat(merge.exitCode()).as(merge.errors()).isZero();
            assertThat(merge.output()).as("the file already holds all that a merge brings").contains("Nothing to change.");
            assertThat(merge.lines("kept")).isEmpty();
        } finally {
            admin.realm(name).remove();
            Files.deleteIfExists(file);
        }
    }

    private static JsonNode clientOf(JsonNode realm, String clientId) {
        for (JsonNode client : realm.get("clients")) {
            if (clientId.equals(client.get("clientId").asText())) {
                return client;
            }
        }
        throw new AssertionError("no client " + clientId);
    }
}
