package com.fintechlogin.keycloak.it.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fintechlogin.keycloak.it.support.DemoRealm;
import com.fintechlogin.keycloak.it.support.DemoRealm.TestUser;
import com.fintechlogin.keycloak.it.support.FintechServerConfig;
import com.fintechlogin.keycloak.it.support.Http;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.AdminEventRepresentation;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.info.FeatureRepresentation;
import org.keycloak.representations.info.ServerInfoRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * The realm's settings through {@code /admin/realms/{realm}/fintech/settings}, on the demo realm: each read and written,
 * each wrong value refused with the setting's name and nothing stored, Keycloak's realm permissions, the admin event,
 * the admin guide's {@code kcadm.sh} recipes run as written, and why there is no console page (the UI-extension SPIs
 * are off). The realm's settings are put back as they were after each test.
 */
@KeycloakIntegrationTest(config = FintechServerConfig.class)
class RealmSettingsTest {

    /** Every setting with a value it accepts in the demo realm (none of them its default) and one it refuses. */
    private static final Map<String, String[]> VALUES = new LinkedHashMap<>();

    static {
        VALUES.put("fintech.user-login.client-id", new String[] {"partner-api", "no-such-client"});
        VALUES.put("fintech.pin.length", new String[] {"6", "13"});
        VALUES.put("fintech.pin.weak-allowed", new String[] {"true", "yes"});
        VALUES.put("fintech.pin.refused", new String[] {"2580,1357", "12a4"});
        VALUES.put("fintech.device.replay-window-seconds", new String[] {"86400", "2592001"});
        VALUES.put("fintech.device.min-id-length", new String[] {"20", "0"});
        VALUES.put("fintech.device.min-id-distinct-characters", new String[] {"10", "256"});
        VALUES.put("fintech.device.key-required", new String[] {"true", "1"});
        VALUES.put("fintech.device.encrypted-id-proof", new String[] {"false", "ture"});
        VALUES.put("fintech.device.max-per-user", new String[] {"3", "101"});
        VALUES.put("fintech.credential-management.clients", new String[] {"user-api", "user-api,no-such-client"});
        VALUES.put("fintech.credential-management.max-age-seconds", new String[] {"600", "-1"});
        VALUES.put("fintech.partner.client-id", new String[] {"user-api", "partner"});
        VALUES.put("fintech.partner.role", new String[] {"fintech-sim-binding", "no-such-role"});
        VALUES.put("fintech.partner.timestamp-required", new String[] {"false", "off"});
        VALUES.put("fintech.partner.replay-window-seconds", new String[] {"120", "86401"});
        VALUES.put("fintech.partner.cbc-allowed", new String[] {"true", "no"});
        VALUES.put("fintech.lockout.account-wide", new String[] {"true", "on"});
        VALUES.put("fintech.budget.failures-per-address", new String[] {"off", "lots"});
        VALUES.put("fintech.budget.failures-per-client", new String[] {"0", "1000001"});
        VALUES.put("fintech.budget.successes-per-address", new String[] {"10000000", "10000001"});
        VALUES.put("fintech.budget.successes-per-client", new String[] {"off", "-5"});
        VALUES.put("fintech.budget.window-seconds", new String[] {"600", "86401"});
    }

    @InjectRealm(fromJson = DemoRealm.JSON, lifecycle = LifeCycle.GLOBAL)
    ManagedRealm realm;

    @InjectAdminClient
    Keycloak admin;

    private JsonNode before;

    @BeforeEach
    void rememberTheSettings() {
        before = settings();
    }

    @AfterEach
    void putTheSettingsBack() {
        Answer put = put(adminToken(), before.toString());
        assertThat(put.status()).as(put.body()).isEqualTo(204);
    }

    @Test
    void everySettingIsReadAndWrittenAndAnAdminEventRecordsTheChange() {
        assertThat(names(settings())).as("the settings the endpoint serves").containsExactlyElementsOf(VALUES.keySet());
        withAdminEventDetails();
        for (Map.Entry<String, String[]> setting : VALUES.entrySet()) {
            String name = setting.getKey();
            String value = setting.getValue()[0];
            Answer put = put(adminToken(), "{" + Http.jsonString(name) + ": " + Http.jsonString(value) + "}");
            assertThat(put.status()).as(name + ": " + put.body()).isEqualTo(204);
            assertThat(settings().get(name).asText()).as(name).isEqualTo(value);
            assertThat(realm.admin().toRepresentation().getAttributes()).as("the realm attribute").containsEntry(name, value);

            assertThat(put(adminToken(), "{" + Http.jsonString(name) + ": null}").status()).isEqualTo(204);
            assertThat(settings().get(name).isNull()).as(name + " removed").isTrue();
        }
        List<AdminEventRepresentation> events = realm.admin().getAdminEvents();
        assertThat(events).anySatisfy(event -> {
            assertThat(event.getOperationType()).isEqualTo("UPDATE");
            assertThat(event.getResourceType()).isEqualTo("REALM");
            assertThat(event.getResourcePath()).isEqualTo("fintech/settings");
            assertThat(event.getRepresentation()).isEqualTo("{\"fintech.partner.cbc-allowed\":\"true\"}");
        });
    }

    @Test
    void numbersAndBooleansAreTakenAsKcadmSendsThem() {
        Answer put = put(adminToken(), "{\"fintech.pin.length\": 8, \"fintech.pin.weak-allowed\": true}");
        assertThat(put.status()).as(put.body()).isEqualTo(204);
        JsonNode settings = settings();
        assertThat(settings.get("fintech.pin.length").asText()).isEqualTo("8");
        assertThat(settings.get("fintech.pin.weak-allowed").asText()).isEqualTo("true");
    }

    @Test
    void aWrongValueOfEachSettingIsRefusedNamingTheSettingAndNothingIsStored() {
        for (Map.Entry<String, String[]> setting : VALUES.entrySet()) {
            String name = setting.getKey();
            // A right value of another setting in the same request: it is not stored either.
            String other = name.equals("fintech.device.max-per-user") ? "fintech.pin.length" : "fintech.device.max-per-user";
            String body = "{" + Http.jsonString(other) + ": " + Http.jsonString(VALUES.get(other)[0]) + ", "
                    + Http.jsonString(name) + ": " + Http.jsonString(setting.getValue()[1]) + "}";
            JsonNode settingsBefore = settings();

            Answer put = put(adminToken(), body);

            assertThat(put.status()).as(name).isEqualTo(400);
            assertThat(put.json().get("errorMessage").asText()).as(name).startsWith(name + " must be ");
            assertThat(settings()).as(name + ": nothing stored").isEqualTo(settingsBefore);
        }
        Answer unknown = put(adminToken(), "{\"fintech.pin.lenght\": 6}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("errorMessage").asText()).startsWith("Unknown setting 'fintech.pin.lenght'");
    }

    @Test
    void readingNeedsViewRealmAndChangingManageRealm() {
        TestUser nobody = DemoRealm.newUser(realm);
        TestUser viewer = DemoRealm.newUser(realm);
        ClientRepresentation realmManagement = realm.admin().clients().findByClientId("realm-management").get(0);
        RoleRepresentation viewRealm = realm.admin().clients().get(realmManagement.getId()).roles().get("view-realm").toRepresentation();
        realm.admin().users().get(viewer.id()).roles().clientLevel(realmManagement.getId()).add(List.of(viewRealm));

        assertThat(get(token(nobody)).status()).isEqualTo(403);
        assertThat(put(token(nobody), "{\"fintech.pin.length\": 6}").status()).isEqualTo(403);
        String viewerToken = token(viewer);
        assertThat(get(viewerToken).status()).isEqualTo(200);
        assertThat(put(viewerToken, "{\"fintech.pin.length\": 6}").status()).isEqualTo(403);
        assertThat(get(null).status()).isEqualTo(401);
        assertThat(settings()).isEqualTo(before);
    }

    @Test
    void theAdminGuidesKcadmRecipesRunAsWritten(@TempDir Path home) throws IOException {
        List<SettingsRecipes.Block> blocks = SettingsRecipes.read("RealmSettingsTest");
        assertThat(blocks).as("the admin guide's recipes").hasSizeGreaterThanOrEqualTo(3);
        Map<String, String> documented = new LinkedHashMap<>();
        for (SettingsRecipes.Block block : blocks) {
            if (block.refusal() == null) {
                block.sets().forEach(documented::putIfAbsent);
            }
        }
        assertThat(documented.keySet()).as("a recipe for every setting").containsExactlyInAnyOrderElementsOf(VALUES.keySet());
        // Every setting away from the value its recipe sets, so that each recipe must change it.
        Map<String, String> away = new LinkedHashMap<>();
        VALUES.forEach((name, values) -> away.put(name, values[0]));
        assertThat(put(adminToken(), Http.json(away)).status()).isEqualTo(204);

        Map<String, String> expected = new HashMap<>();
        for (SettingsRecipes.Block block : blocks) {
            SettingsRecipes.Run run = SettingsRecipes.run(block, home);
            if (block.refusal() == null) {
                assertThat(run.exitCode()).as("admin-guide.md line " + block.line() + ":\n" + run.output()).isZero();
                expected.putAll(block.sets());
                JsonNode settings = settings();
                expected.forEach((name, value) -> assertThat(settings.get(name).isNull() ? null : settings.get(name).asText())
                        .as("admin-guide.md line " + block.line() + ": " + name).isEqualTo(value));
            } else {
                JsonNode settingsBefore = settings();
                assertThat(run.exitCode()).as("admin-guide.md line " + block.line() + " must fail:\n" + run.output()).isNotZero();
                assertThat(run.output()).as("admin-guide.md line " + block.line()).contains(block.refusal());
                assertThat(settings()).isEqualTo(settingsBefore);
            }
        }
        String config = Files.readString(home.resolve(".keycloak/kcadm.config"), StandardCharsets.UTF_8);
        assertThat(config).as("kcadm.sh logged in under the test's HOME").contains("http://localhost:8080");
    }

    @Test
    void keycloakServesNoUiExtensionPagesWithoutTheExperimentalFeature() {
        ServerInfoRepresentation info = admin.serverInfo().getInfo();
        FeatureRepresentation declarativeUi = info.getFeatures().stream()
                .filter(feature -> feature.getName().equals("DECLARATIVE_UI")).findFirst().orElseThrow();
        assertThat(declarativeUi.getType().name()).isEqualTo("EXPERIMENTAL");
        assertThat(declarativeUi.isEnabled()).isFalse();
        assertThat(info.getProviders()).doesNotContainKeys("ui-tab", "ui-page");
        assertThat(info.getProviders()).containsKey("authenticator");
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private record Answer(int status, String body) {
        JsonNode json() {
            return new Http.Answer(status, body, null).json();
        }
    }

    private void withAdminEventDetails() {
        RealmRepresentation rep = realm.admin().toRepresentation();
        boolean previous = Boolean.TRUE.equals(rep.isAdminEventsDetailsEnabled());
        rep.setAdminEventsDetailsEnabled(true);
        realm.admin().update(rep);
        realm.cleanup().add(r -> {
            RealmRepresentation restored = r.toRepresentation();
            restored.setAdminEventsDetailsEnabled(previous);
            r.update(restored);
        });
    }

    private String url() {
        return realm.getBaseUrl().replace("/realms/", "/admin/realms/") + "/fintech/settings";
    }

    private String adminToken() {
        return admin.tokenManager().getAccessTokenString();
    }

    /** A demo-realm user's token from Keycloak's own admin-cli client, as kcadm.sh gets one. */
    private String token(TestUser user) {
        String username = realm.admin().users().get(user.id()).toRepresentation().getUsername();
        Http.Answer answer = Http.postForm(realm.getBaseUrl() + "/protocol/openid-connect/token",
                Map.of("grant_type", "password", "client_id", "admin-cli", "username", username, "password", user.password()), Map.of());
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().get("access_token").asText();
    }

    private JsonNode settings() {
        Answer get = get(adminToken());
        assertThat(get.status()).as(get.body()).isEqualTo(200);
        return get.json();
    }

    private Answer get(String token) {
        Http.Answer answer = Http.send("GET", url(), null, null, token == null ? Map.of() : Map.of("Authorization", "Bearer " + token));
        return new Answer(answer.status(), answer.body());
    }

    private Answer put(String token, String json) {
        Http.Answer answer = Http.send("PUT", url(), "application/json", json.getBytes(StandardCharsets.UTF_8),
                Map.of("Authorization", "Bearer " + token));
        return new Answer(answer.status(), answer.body());
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        Iterator<String> fields = object.fieldNames();
        fields.forEachRemaining(names::add);
        return names;
    }
}
