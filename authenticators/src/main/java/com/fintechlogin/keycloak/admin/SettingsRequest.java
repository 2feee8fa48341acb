package com.fintechlogin.keycloak.admin;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fintechlogin.keycloak.json.LenientJson;
import com.fintechlogin.keycloak.json.Parsed;
import com.fintechlogin.keycloak.settings.RealmSettings;
import com.fintechlogin.keycloak.settings.Setting;

import org.keycloak.models.RealmModel;

/**
 * The body of a settings update: a JSON object of setting names and values. A value may be a string, a whole number or
 * a boolean, since {@code kcadm.sh -s name=6} sends 6 as a number and {@code -s name=true} a boolean; null or an empty
 * string means "not set". A value equal to the stored one is taken without a check. The problem of a refused body is Keycloak's {@code errorMessage}: it names the setting and
 * what it accepts, and never quotes the value, which an admin may have pasted a secret into by mistake.
 */
final class SettingsRequest {

    private SettingsRequest() {
    }

    /** The settings to change, by name, each value stripped or null; or the first problem found. */
    static Parsed<Map<String, String>, String> parse(byte[] body, RealmModel realm) {
        ObjectNode json = LenientJson.parseObject(body);
        if (json == null) {
            return new Parsed.Invalid<>("The body must be a JSON object of settings, such as {\"fintech.pin.length\": 6}");
        }
        Map<String, String> values = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = json.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            Optional<Setting> setting = RealmSettings.named(field.getKey());
            if (setting.isEmpty()) {
                return new Parsed.Invalid<>("Unknown setting '" + printable(field.getKey()) + "': the settings are "
                        + String.join(", ", RealmSettings.ALL.stream().map(Setting::name).toList()));
            }
            JsonNode node = field.getValue();
            String value;
            if (node.isNull()) {
                value = null;
            } else if (node.isTextual() || node.isBoolean() || node.isIntegralNumber()) {
                value = node.asText().isBlank() ? null : node.asText().strip();
            } else {
                return new Parsed.Invalid<>(setting.get().problem());
            }
            // A value as stored is not checked again: kcadm.sh update sends every setting back with the one it
            // changes, and a value stored before this endpoint (or a client since renamed) must not block the others.
            if (value != null && !value.equals(stored(realm, setting.get().name())) && !setting.get().accepts(realm, value)) {
                return new Parsed.Invalid<>(setting.get().problem());
            }
            values.put(setting.get().name(), value);
        }
        return new Parsed.Valid<>(values);
    }

    /** The attribute's value, stripped; an empty one counts as not set, as the readers take it. */
    static String stored(RealmModel realm, String name) {
        String value = realm.getAttribute(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** An unknown name is echoed only when it looks like a setting's name, so that the message stays short and plain. */
    private static String printable(String name) {
        return name.length() <= 100 && name.matches("[A-Za-z0-9._-]*") ? name : "(not shown)";
    }
}
