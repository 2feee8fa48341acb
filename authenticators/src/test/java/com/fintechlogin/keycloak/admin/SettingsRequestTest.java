package com.fintechlogin.keycloak.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fintechlogin.keycloak.json.Parsed;
import com.fintechlogin.keycloak.settings.ClientSettings;
import com.fintechlogin.keycloak.settings.RealmSettings;
import com.fintechlogin.keycloak.settings.SettingScope;

import org.junit.jupiter.api.Test;
import org.keycloak.models.RealmModel;

class SettingsRequestTest {

    private static final RealmModel REALM = (RealmModel) Proxy.newProxyInstance(SettingsRequestTest.class.getClassLoader(),
            new Class<?>[] {RealmModel.class}, (proxy, method, args) -> null);

    private static Parsed<Map<String, String>, String> parse(String body) {
        return SettingsRequest.parse(body.getBytes(StandardCharsets.UTF_8), RealmSettings.ALL, new SettingScope(REALM, key -> false),
                name -> null);
    }

    @Test
    void takesStringsNumbersBooleansAndNull() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("fintech.pin.length", "6");
        expected.put("fintech.pin.weak-allowed", "true");
        expected.put("fintech.pin.refused", "1234,0000");
        expected.put("fintech.device.max-per-user", null);
        expected.put("fintech.device.key-required", null);
        assertThat(parse("{\"fintech.pin.length\": 6, \"fintech.pin.weak-allowed\": true, \"fintech.pin.refused\": \" 1234,0000 \","
                + " \"fintech.device.max-per-user\": null, \"fintech.device.key-required\": \"\"}"))
                .isEqualTo(new Parsed.Valid<>(expected));
    }

    @Test
    void aWrongValueIsRefusedNamingTheSettingNotTheValue() {
        assertThat(parse("{\"fintech.pin.length\": \"4\", \"fintech.partner.cbc-allowed\": \"s3cret\"}"))
                .isEqualTo(new Parsed.Invalid<>("fintech.partner.cbc-allowed must be true or false"));
        assertThat(parse("{\"fintech.pin.length\": 6.5}"))
                .isEqualTo(new Parsed.Invalid<>("fintech.pin.length must be a whole number from 4 to 12"));
        assertThat(parse("{\"fintech.pin.length\": [6]}"))
                .isEqualTo(new Parsed.Invalid<>("fintech.pin.length must be a whole number from 4 to 12"));
    }

    @Test
    void anUnknownSettingIsRefused() {
        assertThat(((Parsed.Invalid<Map<String, String>, String>) parse("{\"fintech.pin.lenght\": 6}")).problem())
                .startsWith("Unknown setting 'fintech.pin.lenght': the settings are fintech.user-login.client-id, ");
        assertThat(((Parsed.Invalid<Map<String, String>, String>) parse("{\"<script>\": 6}")).problem())
                .startsWith("Unknown setting '(not shown)'");
    }

    @Test
    void notAnObjectIsRefused() {
        assertThat(parse("[]")).isInstanceOf(Parsed.Invalid.class);
        assertThat(parse("")).isInstanceOf(Parsed.Invalid.class);
    }

    @Test
    void aSecretsMaskKeepsTheStoredSecretAndIsRefusedWhenThereIsNone() {
        byte[] masked = "{\"fintech.checksum.secret\": \"**********\"}".getBytes(StandardCharsets.UTF_8);
        SettingScope scope = new SettingScope(REALM, key -> false);
        assertThat(SettingsRequest.parse(masked, ClientSettings.ALL, scope, name -> "stored-secret"))
                .isEqualTo(new Parsed.Valid<>(Map.of("fintech.checksum.secret", "stored-secret")));
        assertThat(SettingsRequest.parse(masked, ClientSettings.ALL, scope, name -> null))
                .isInstanceOf(Parsed.Invalid.class);
    }

    @Test
    void aRefusedSecretIsNeverQuoted() {
        byte[] body = "{\"fintech.checksum.secret\": \"${vault.s3cret-typo}\"}".getBytes(StandardCharsets.UTF_8);
        Parsed<Map<String, String>, String> parsed = SettingsRequest.parse(body, ClientSettings.ALL, new SettingScope(REALM, key -> false),
                name -> null);
        assertThat(((Parsed.Invalid<Map<String, String>, String>) parsed).problem())
                .startsWith("fintech.checksum.secret must be ").doesNotContain("s3cret");
    }
}
