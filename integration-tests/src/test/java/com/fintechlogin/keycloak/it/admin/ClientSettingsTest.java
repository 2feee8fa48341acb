package com.fintechlogin.keycloak.it.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fintechlogin.keycloak.it.support.DemoRealm;
import com.fintechlogin.keycloak.it.support.DemoRealm.TestUser;
import com.fintechlogin.keycloak.it.support.FintechServerConfig;
import com.fintechlogin.keycloak.it.support.Http;
import com.fintechlogin.keycloak.it.support.ServerLog;
import com.fintechlogin.keycloak.it.support.UsedSecrets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.AdminEventRepresentation;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.realm.ManagedRealm;

import jakarta.ws.rs.core.Response;

/**
 * A client's settings through {@code /admin/realms/{realm}/fintech/clients/{id}/settings}, on the demo realm: each read
 * and written, each wrong value refused with the setting's name and nothing stored, Keycloak's client permissions (and
 * none for another realm's admin), the secrets kept out of every answer, admin event and the server log, and the admin
 * guide's {@code kcadm.sh} recipes run as written. Most tests use a client of their own; the recipes change the demo's
 * affiliate, whose attributes are put back after each test.
 */
@KeycloakIntegrationTest(config = FintechServerConfig.class)
class ClientSettingsTest {

    private static final String PROCESSOR_KEY = "fintech.affiliate.processor-key";
    private static final String SECRET = "fintech.checksum.secret";
    private static final String FIELDS = "fintech.checksum.fields";
    private static final String WINDOW = "fintech.checksum.replay-window-seconds";
    private static final List<String> NAMES = List.of(PROCESSOR_KEY, SECRET, FIELDS, WINDOW);
    private static final String MASK = "**********";
    /** The test vault's entry for the demo realm ({@link FintechServerConfig#VAULT_KEY}). */
    private static final String SECRET_REFERENCE = "${vault." + FintechServerConfig.VAULT_KEY + "}";
    private static final String PROCESSOR_KEY_VAULT_KEY = "it-client-settings-processor-key";
    private static final String PROCESSOR_KEY_REFERENCE = "${vault." + PROCESSOR_KEY_VAULT_KEY + "}";

    @InjectRealm(fromJson = DemoRealm.JSON, lifecycle = LifeCycle.GLOBAL)
    ManagedRealm realm;

    @InjectAdminClient
    Keycloak admin;

    private AdminsRealm demo;
    private ClientRepresentation affiliateBefore;

    @BeforeEach
    void rememberTheAffiliateAndWriteTheVault() {
        demo = new AdminsRealm("demo", realm.admin());
        demo.putVault(PROCESSOR_KEY_VAULT_KEY, "it-vault-processor-key-" + UUID.randomUUID());
        // The realm tool's keys for the demo's affiliate, holding its values, for the admin guide's recipes.
        demo.putVault(DemoRealm.DEMO_AFFILIATE_ID + "-processor-key", DemoRealm.DEMO_PROCESSOR_KEY);
        demo.putVault(DemoRealm.DEMO_AFFILIATE_ID + "-checksum-secret", DemoRealm.DEMO_CHECKSUM_SECRET);
        affiliateBefore = demo.client(DemoRealm.DEMO_AFFILIATE_ID);
    }

    @AfterEach
    void putTheAffiliateBack() {
        ClientRepresentation now = demo.client(DemoRealm.DEMO_AFFILIATE_ID);
        Map<String, String> attributes = new HashMap<>(now.getAttributes());
        // Keycloak's client update keeps attributes it is not sent; an empty one reads as not set.
        NAMES.forEach(name -> attributes.put(name, affiliateBefore.getAttributes().getOrDefault(name, "")));
        now.setAttributes(attributes);
        realm.admin().clients().get(now.getId()).update(now);
        assertThat(demo.client(DemoRealm.DEMO_AFFILIATE_ID).getAttributes()).as("the demo's affiliate put back")
                .containsAllEntriesOf(affiliateBefore.getAttributes());
    }

    @Test
    void everySettingIsReadAndWrittenAndAnAdminEventRecordsEachChangeWithoutTheSecrets() {
        withAdminEventDetails();
        String id = newClient();
        assertThat(names(settings(id))).as("the settings the endpoint serves").containsExactlyElementsOf(NAMES);
        assertThat(settings(id)).allSatisfy(value -> assertThat(value.isNull()).isTrue());
        String clearSecret = secret("checksum");
        String clearKey = secret("processor-key");

        // Secret first: a processor key makes the client an affiliate, which needs one.
        String[][] steps = {
                {SECRET, clearSecret, MASK},
                {SECRET, SECRET_REFERENCE, SECRET_REFERENCE},
                {PROCESSOR_KEY, clearKey, MASK},
                {PROCESSOR_KEY, PROCESSOR_KEY_REFERENCE, PROCESSOR_KEY_REFERENCE},
                {FIELDS, "password,mobile_no", "password,mobile_no"},
                {WINDOW, "300", "300"},
                {WINDOW, null, null},
                {FIELDS, null, null},
                {PROCESSOR_KEY, null, null},
                {SECRET, null, null}};
        for (String[] step : steps) {
            String name = step[0];
            Http.Answer put = put(adminToken(), id, "{" + Http.jsonString(name) + ": " + (step[1] == null ? "null" : Http.jsonString(step[1])) + "}");
            assertThat(put.status()).as(name + ": " + put.body()).isEqualTo(204);
            JsonNode shown = settings(id).get(name);
            assertThat(shown.isNull() ? null : shown.asText()).as(name + " as read").isEqualTo(step[2]);
            assertThat(attributes(id).get(name)).as(name + " as stored").isEqualTo(step[1]);
        }

        List<AdminEventRepresentation> events = realm.admin().getAdminEvents().stream()
                .filter(event -> ("fintech/clients/" + id + "/settings").equals(event.getResourcePath())).toList();
        assertThat(events).as("one admin event per change").hasSize(steps.length);
        assertThat(events).allSatisfy(event -> {
            assertThat(event.getOperationType()).isEqualTo("UPDATE");
            assertThat(event.getResourceType()).isEqualTo("CLIENT");
            assertThat(event.getRepresentation()).doesNotContain(clearSecret).doesNotContain(clearKey);
        });
        assertThat(events).extracting(AdminEventRepresentation::getRepresentation)
                .contains("{\"fintech.checksum.secret\":\"**********\"}", "{\"fintech.affiliate.processor-key\":\"**********\"}",
                        "{\"fintech.checksum.secret\":\"" + SECRET_REFERENCE + "\"}", "{\"fintech.checksum.replay-window-seconds\":\"300\"}");
    }

    @Test
    void aWrongValueOfEachSettingIsRefusedNamingTheSettingAndNothingIsStored() {
        String id = newClient();
        String configured = "{\"fintech.checksum.secret\": " + Http.jsonString(SECRET_REFERENCE) + ", \"fintech.affiliate.processor-key\": "
                + Http.jsonString(PROCESSOR_KEY_REFERENCE) + ", \"fintech.checksum.fields\": \"mobile_no,password\"}";
        assertThat(put(adminToken(), id, configured).status()).isEqualTo(204);
        Map<String, String[]> wrong = new LinkedHashMap<>();
        wrong.put(PROCESSOR_KEY, new String[] {"${vault.no-such-entry}", "a vault entry there is not"});
        wrong.put(SECRET, new String[] {"${vault.pin-pepper}", "the PIN pepper"});
        wrong.put(FIELDS, new String[] {"mobile_no", "a field left out"});
        wrong.put(WINDOW, new String[] {"86401", "over a day"});
        List<String[]> cases = new ArrayList<>();
        wrong.forEach((name, value) -> cases.add(new String[] {name, value[0], value[1]}));
        cases.add(new String[] {SECRET, "${vault." + FintechServerConfig.VAULT_KEY, "a malformed reference"});
        cases.add(new String[] {SECRET, "${vault.../demo_pin-pepper}", "a reference out of the vault"});
        cases.add(new String[] {PROCESSOR_KEY, "x".repeat(513), "longer than the header it is compared with"});
        cases.add(new String[] {WINDOW, "0000300", "more digits than the reader takes"});

        for (String[] c : cases) {
            String name = c[0];
            // A right value of another setting in the same request: it is not stored either.
            String body = "{" + Http.jsonString(name.equals(WINDOW) ? FIELDS : WINDOW) + ": " + (name.equals(WINDOW) ? "\"password,mobile_no\"" : "60")
                    + ", " + Http.jsonString(name) + ": " + Http.jsonString(c[1]) + "}";
            JsonNode before = settings(id);
            Map<String, String> storedBefore = attributes(id);

            Http.Answer put = put(adminToken(), id, body);

            assertThat(put.status()).as(name + ", " + c[2]).isEqualTo(400);
            String message = put.json().get("errorMessage").asText();
            assertThat(message).as(name + ", " + c[2]).startsWith(name + " must be ");
            if (name.equals(SECRET) || name.equals(PROCESSOR_KEY)) {
                assertThat(message).as("a secret's refusal never quotes it").doesNotContain(c[1]);
            }
            assertThat(settings(id)).as(name + ", " + c[2] + ": nothing stored").isEqualTo(before);
            assertThat(attributes(id)).isEqualTo(storedBefore);
        }

        Http.Answer withoutSecret = put(adminToken(), id, "{\"fintech.checksum.secret\": null}");
        assertThat(withoutSecret.status()).as("an affiliate without its secret").isEqualTo(400);
        assertThat(withoutSecret.json().get("errorMessage").asText())
                .startsWith("fintech.checksum.secret must be set while fintech.affiliate.processor-key is");
        Http.Answer unknown = put(adminToken(), id, "{\"fintech.checksum.secert\": \"x\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("errorMessage").asText()).startsWith("Unknown setting 'fintech.checksum.secert'");

        String bare = newClient();
        Http.Answer maskOfNothing = put(adminToken(), bare, "{\"fintech.checksum.secret\": \"**********\"}");
        assertThat(maskOfNothing.status()).as("the mask where no secret is stored").isEqualTo(400);
        Http.Answer keyWithoutSecret = put(adminToken(), bare, "{\"fintech.affiliate.processor-key\": " + Http.jsonString(PROCESSOR_KEY_REFERENCE) + "}");
        assertThat(keyWithoutSecret.status()).as("a processor key before a secret").isEqualTo(400);
        assertThat(attributes(bare)).isEmpty();
    }

    @Test
    void readingNeedsViewClientsChangingManageClientsAndAnotherRealmsAdminGetsNeither() {
        String id = newClient();
        assertThat(put(adminToken(), id, "{\"fintech.checksum.replay-window-seconds\": 60}").status()).isEqualTo(204);
        JsonNode before = settings(id);
        TestUser nobody = DemoRealm.newUser(realm);
        TestUser viewer = withRealmManagementRole(DemoRealm.newUser(realm), "view-clients");
        TestUser manager = withRealmManagementRole(DemoRealm.newUser(realm), "manage-clients");
        String change = "{\"fintech.checksum.replay-window-seconds\": 120}";

        String nobodyToken = token(realm.getBaseUrl(), username(nobody), nobody.password());
        assertThat(get(nobodyToken, id).status()).isEqualTo(403);
        assertThat(put(nobodyToken, id, change).status()).isEqualTo(403);
        assertThat(get(nobodyToken, UUID.randomUUID().toString()).status()).as("no probing of client ids").isEqualTo(403);
        String viewerToken = token(realm.getBaseUrl(), username(viewer), viewer.password());
        assertThat(get(viewerToken, id).status()).isEqualTo(200);
        assertThat(put(viewerToken, id, change).status()).isEqualTo(403);
        assertThat(get(null, id).status()).isEqualTo(401);
        assertThat(put(null, id, change).status()).isEqualTo(401);
        assertThat(get(adminToken(), UUID.randomUUID().toString()).status()).isEqualTo(404);
        assertThat(settings(id)).isEqualTo(before);

        String otherRealm = "it-other-" + UUID.randomUUID().toString().substring(0, 8);
        String otherPassword = "Other-" + UUID.randomUUID();
        admin.realms().create(realmWithAnAdmin(otherRealm, otherPassword));
        try {
            String otherToken = token(realm.getBaseUrl().replace("/realms/demo", "/realms/" + otherRealm), "other-admin", otherPassword);
            assertThat(get(otherToken, id).status()).as("another realm's realm-admin reads").isEqualTo(403);
            assertThat(put(otherToken, id, change).status()).as("another realm's realm-admin writes").isEqualTo(403);
        } finally {
            admin.realms().realm(otherRealm).remove();
        }
        assertThat(settings(id)).isEqualTo(before);

        String managerToken = token(realm.getBaseUrl(), username(manager), manager.password());
        assertThat(put(managerToken, id, change).status()).isEqualTo(204);
        assertThat(settings(id).get(WINDOW).asText()).isEqualTo("120");
    }

    @Test
    void secretsSetInClearAreNeverInAnAnswerAnAdminEventOrTheServerLogAndTheMaskKeepsThem() {
        withAdminEventDetails();
        String id = newClient();
        String clearSecret = secret("checksum");
        String clearKey = secret("processor-key");
        long logStart = ServerLog.end();

        Http.Answer put = put(adminToken(), id, "{\"fintech.checksum.secret\": " + Http.jsonString(clearSecret)
                + ", \"fintech.affiliate.processor-key\": " + Http.jsonString(clearKey) + "}");
        assertThat(put.status()).as(put.body()).isEqualTo(204);
        Http.Answer read = get(adminToken(), id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body()).doesNotContain(clearSecret).doesNotContain(clearKey);
        assertThat(read.json().get(SECRET).asText()).isEqualTo(MASK);
        assertThat(read.json().get(PROCESSOR_KEY).asText()).isEqualTo(MASK);

        // What kcadm.sh update does: everything read, one setting changed, all of it sent back.
        Map<String, Object> back = new LinkedHashMap<>();
        read.json().fields().forEachRemaining(field -> back.put(field.getKey(), field.getValue().isNull() ? null : field.getValue().asText()));
        back.put(WINDOW, "60");
        assertThat(put(adminToken(), id, Http.json(back)).status()).isEqualTo(204);
        assertThat(attributes(id)).as("the mask kept both secrets").containsEntry(SECRET, clearSecret).containsEntry(PROCESSOR_KEY, clearKey)
                .containsEntry(WINDOW, "60");

        // A refused secret is not echoed either. (Not one inside a vault reference: a vault key is no secret, and
        // Keycloak's file vault logs the key of an entry it cannot find.)
        Http.Answer refused = put(adminToken(), id, "{\"fintech.checksum.secret\": " + Http.jsonString(clearSecret + "\u0007") + "}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).doesNotContain(clearSecret);

        assertThat(realm.admin().getAdminEvents()).allSatisfy(event -> assertThat(String.valueOf(event.getRepresentation()))
                .doesNotContain(clearSecret).doesNotContain(clearKey));
        String log = ServerLog.since(logStart);
        assertThat(log).as("the server log since the secrets were set").contains(id).doesNotContain(clearSecret).doesNotContain(clearKey);
    }

    @Test
    void theAdminGuidesKcadmRecipesRunAsWritten(@TempDir Path home) throws IOException {
        List<SettingsRecipes.Block> blocks = SettingsRecipes.read("ClientSettingsTest");
        assertThat(blocks).as("the admin guide's recipes").hasSizeGreaterThanOrEqualTo(3);
        Map<String, String> documented = new LinkedHashMap<>();
        for (SettingsRecipes.Block block : blocks) {
            if (block.refusal() == null) {
                block.sets().forEach(documented::putIfAbsent);
            }
        }
        assertThat(documented.keySet()).as("a recipe for every setting").containsExactlyInAnyOrderElementsOf(NAMES);
        String id = affiliateBefore.getId();
        // Every setting away from the value its recipe sets, so that each recipe must change it.
        String away = "{\"fintech.checksum.secret\": " + Http.jsonString(secret("away")) + ", \"fintech.affiliate.processor-key\": "
                + Http.jsonString(secret("away")) + ", \"fintech.checksum.fields\": \"password,mobile_no\", \"fintech.checksum.replay-window-seconds\": 300}";
        assertThat(put(adminToken(), id, away).status()).isEqualTo(204);

        Map<String, String> expected = new HashMap<>();
        for (SettingsRecipes.Block block : blocks) {
            SettingsRecipes.Run run = SettingsRecipes.run(block, home);
            if (block.refusal() == null) {
                assertThat(run.exitCode()).as("admin-guide.md line " + block.line() + ":\n" + run.output()).isZero();
                expected.putAll(block.sets());
                JsonNode settings = settings(id);
                expected.forEach((name, value) -> assertThat(settings.get(name).isNull() ? null : settings.get(name).asText())
                        .as("admin-guide.md line " + block.line() + ": " + name).isEqualTo(value));
            } else {
                JsonNode settingsBefore = settings(id);
                assertThat(run.exitCode()).as("admin-guide.md line " + block.line() + " must fail:\n" + run.output()).isNotZero();
                assertThat(run.output()).as("admin-guide.md line " + block.line()).contains(block.refusal());
                assertThat(settings(id)).isEqualTo(settingsBefore);
            }
        }
        // The affiliate still signs its users in, with its keys now read from the vault.
        String mobile = DemoRealm.freshMobile();
        DemoRealm.NewUser user = demo.createUser(Map.of("mobile", List.of(mobile)), List.of());
        String userId = realm.admin().users().searchByUsername(user.representation().getUsername(), true).get(0).getId();
        realm.cleanup().add(r -> r.users().delete(userId).close());
        Http.Answer portal = demo.cardPortal(DemoRealm.DEMO_AFFILIATE_ID, DemoRealm.DEMO_PROCESSOR_KEY, DemoRealm.DEMO_CHECKSUM_SECRET,
                mobile, user.password());
        assertThat(portal.status()).as(portal.body()).isEqualTo(200);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** A fresh client of the demo realm without fintech attributes, removed after the test; its id. */
    private String newClient() {
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId("it-settings-" + UUID.randomUUID().toString().substring(0, 8));
        client.setPublicClient(false);
        client.setProtocol("openid-connect");
        try (Response created = realm.admin().clients().create(client)) {
            assertThat(created.getStatus()).isEqualTo(201);
        }
        String id = realm.admin().clients().findByClientId(client.getClientId()).get(0).getId();
        realm.cleanup().add(r -> r.clients().get(id).remove());
        return id;
    }

    /** A secret of this run, recorded so that the run's log check looks for it too. */
    private static String secret(String what) {
        String secret = "it-clear-" + what + "-" + UUID.randomUUID();
        UsedSecrets.record(secret);
        return secret;
    }

    private Map<String, String> attributes(String id) {
        Map<String, String> fintech = new HashMap<>();
        realm.admin().clients().get(id).toRepresentation().getAttributes().forEach((name, value) -> {
            if (NAMES.contains(name)) {
                fintech.put(name, value);
            }
        });
        return fintech;
    }

    private TestUser withRealmManagementRole(TestUser user, String role) {
        ClientRepresentation realmManagement = realm.admin().clients().findByClientId("realm-management").get(0);
        RoleRepresentation representation = realm.admin().clients().get(realmManagement.getId()).roles().get(role).toRepresentation();
        realm.admin().users().get(user.id()).roles().clientLevel(realmManagement.getId()).add(List.of(representation));
        return user;
    }

    /** A realm of its own whose user {@code other-admin} holds realm-admin there. */
    private static RealmRepresentation realmWithAnAdmin(String name, String password) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername("other-admin");
        user.setEmail("other-admin@fintech.example");
        user.setFirstName("Other");
        user.setLastName("Admin");
        user.setEmailVerified(true);
        user.setEnabled(true);
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setValue(password);
        credential.setTemporary(false);
        user.setCredentials(List.of(credential));
        user.setClientRoles(Map.of("realm-management", List.of("realm-admin")));
        RealmRepresentation realm = new RealmRepresentation();
        realm.setRealm(name);
        realm.setEnabled(true);
        realm.setUsers(List.of(user));
        return realm;
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

    private String url(String id) {
        return realm.getBaseUrl().replace("/realms/", "/admin/realms/") + "/fintech/clients/" + id + "/settings";
    }

    private String adminToken() {
        return admin.tokenManager().getAccessTokenString();
    }

    private String username(TestUser user) {
        return realm.admin().users().get(user.id()).toRepresentation().getUsername();
    }

    /** A user's token from Keycloak's own admin-cli client of {@code realmUrl}, as kcadm.sh gets one. */
    private static String token(String realmUrl, String username, String password) {
        Http.Answer answer = Http.postForm(realmUrl + "/protocol/openid-connect/token",
                Map.of("grant_type", "password", "client_id", "admin-cli", "username", username, "password", password), Map.of());
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().get("access_token").asText();
    }

    private JsonNode settings(String id) {
        Http.Answer get = get(adminToken(), id);
        assertThat(get.status()).as(get.body()).isEqualTo(200);
        return get.json();
    }

    private Http.Answer get(String token, String id) {
        return Http.send("GET", url(id), null, null, token == null ? Map.of() : Map.of("Authorization", "Bearer " + token));
    }

    private Http.Answer put(String token, String id, String json) {
        return Http.send("PUT", url(id), "application/json", json.getBytes(StandardCharsets.UTF_8),
                token == null ? Map.of() : Map.of("Authorization", "Bearer " + token));
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        Iterator<String> fields = object.fieldNames();
        fields.forEachRemaining(names::add);
        return names;
    }
}
