package com.fintechlogin.realmtool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class RealmTemplateTest {

    private static List<String> clientIds(ObjectNode realm) {
        List<String> ids = new ArrayList<>();
        realm.get("clients").forEach(client -> ids.add(client.get("clientId").asText()));
        return ids;
    }

    @Test
    void aProductionRealmHasNoUserAndNoSecretOfTheDemo() {
        RealmTemplate template = RealmTemplate.forRealm(new RealmSettings("bank", "aff-7", List.of("https://bank.example/cb")));
        ObjectNode realm = template.realm();

        assertThat(realm.get("realm").asText()).isEqualTo("bank");
        assertThat(realm.has("users")).isFalse();
        assertThat(realm.toString().toLowerCase()).doesNotContain("demo");
        assertThat(clientIds(realm)).contains("aff-7", "MOB-APP", "MOB-APP-2001").doesNotContain("91f5evhk72f56432ec678sdfes685h42sd2t21k430912508233b7r37562g2hps");
        for (JsonNode client : realm.get("clients")) {
            if (client.has("secret")) {
                assertThat(client.get("secret").asText()).startsWith("${vault.").endsWith("-secret}");
            }
        }
        assertThat(template.vaultEntries()).extracting(RealmTemplate.VaultEntry::key)
                .containsExactlyInAnyOrder("api-gateway-secret", "MOB-APP-secret", "MOB-APP-2001-secret", "aff-7-checksum-secret", "aff-7-processor-key");
        assertThat(template.notes()).isEmpty();
    }

    @Test
    void withoutAnAffiliateOrRedirectUriThereIsNoAffiliateAndTheBrowserClientsWait() {
        RealmTemplate template = RealmTemplate.forRealm(new RealmSettings("bank", null, List.of()));

        assertThat(clientIds(template.realm())).contains("web-banking").noneMatch(id -> id.startsWith("91f5"));
        assertThat(template.notes()).anyMatch(note -> note.startsWith("no --affiliate-id"))
                .anyMatch(note -> note.contains("web-banking has no redirect URI"));
    }

    @Test
    void namesThatCannotBeVaultFilesAndWildcardRedirectsAreRefused() {
        assertThatThrownBy(() -> new RealmSettings("bank/one", null, List.of())).hasMessageContaining("--realm 'bank/one'");
        assertThatThrownBy(() -> RealmTemplate.forRealm(new RealmSettings("bank", "../aff", List.of()))).hasMessageContaining("cannot be a vault key");
        assertThatThrownBy(() -> new RealmSettings("bank", null, List.of("*"))).hasMessageContaining("not a bare wildcard");
    }

    @Test
    void vaultFilesDoubleUnderscoresAsKeycloaksFileVaultDoes() {
        assertThat(VaultFiles.fileName("my_realm", "MOB-APP-secret")).isEqualTo("my__realm_MOB-APP-secret");
    }
}
