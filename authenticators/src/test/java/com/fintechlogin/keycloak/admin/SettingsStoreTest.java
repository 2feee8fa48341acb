package com.fintechlogin.keycloak.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fintechlogin.keycloak.settings.ClientSettings;
import com.fintechlogin.keycloak.settings.SettingScope;

import org.junit.jupiter.api.Test;
import org.keycloak.models.RealmModel;

/** A client's settings kept in a map: what a read shows, what a change stores and what its admin event holds. */
class SettingsStoreTest {

    private static final SettingScope SCOPE = new SettingScope((RealmModel) Proxy.newProxyInstance(
            SettingsStoreTest.class.getClassLoader(), new Class<?>[] {RealmModel.class}, (proxy, method, args) -> null),
            key -> key.equals("affiliate-secret"));

    private final Map<String, String> stored = new HashMap<>();
    private final SettingsStore store = new SettingsStore(ClientSettings.ALL,
            SettingsStore.Attributes.of(stored::get, stored::put, stored::remove), ClientSettings::problemOf);

    private Map<String, String> update(String json) {
        return store.update(json.getBytes(StandardCharsets.UTF_8), SCOPE);
    }

    @Test
    void aReadShowsSecretsMaskedOrAsVaultReferences() {
        stored.put("fintech.affiliate.processor-key", "clear-key");
        stored.put("fintech.checksum.secret", "${vault.affiliate-secret}");
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("fintech.affiliate.processor-key", "**********");
        expected.put("fintech.checksum.secret", "${vault.affiliate-secret}");
        expected.put("fintech.checksum.fields", null);
        expected.put("fintech.checksum.replay-window-seconds", null);
        assertThat(store.view()).containsExactlyEntriesOf(expected);
    }

    @Test
    void whatAReadShowedSentBackChangesOnlyWhatDiffersAndTheEventHoldsNoSecret() {
        stored.put("fintech.affiliate.processor-key", "clear-key");
        stored.put("fintech.checksum.secret", "clear-secret");

        Map<String, String> changed = update("{\"fintech.affiliate.processor-key\": \"**********\", \"fintech.checksum.secret\": \"**********\","
                + " \"fintech.checksum.fields\": null, \"fintech.checksum.replay-window-seconds\": 60}");

        assertThat(changed).containsExactly(Map.entry("fintech.checksum.replay-window-seconds", "60"));
        assertThat(stored).containsEntry("fintech.affiliate.processor-key", "clear-key").containsEntry("fintech.checksum.secret", "clear-secret");
        assertThat(update("{\"fintech.checksum.secret\": \"new-clear-secret\"}"))
                .containsExactly(Map.entry("fintech.checksum.secret", "**********"));
        assertThat(stored).containsEntry("fintech.checksum.secret", "new-clear-secret");
    }

    @Test
    void anAffiliateStoredWithoutItsSecretCanStillHaveItsOtherSettingsChanged() {
        stored.put("fintech.affiliate.processor-key", "clear-key");
        assertThat(update("{\"fintech.checksum.replay-window-seconds\": 60}")).hasSize(1);
        assertThat(update("{\"fintech.checksum.secret\": \"${vault.affiliate-secret}\"}"))
                .containsExactly(Map.entry("fintech.checksum.secret", "${vault.affiliate-secret}"));
    }
}
