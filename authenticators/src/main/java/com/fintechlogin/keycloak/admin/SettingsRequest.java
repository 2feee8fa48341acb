package com.fintechlogin.keycloak.admin;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fintechlogin.keycloak.json.LenientJson;
import com.fintechlogin.keycloak.json.Parsed;
import com.fintechlogin.keycloak.settings.Setting;
import com.fintechlogin.keycloak.settings.SettingScope;

/**
 * The body of a settings update, of the realm or of a client: a JSON object of setting names and values. A value may
 * be a string, a whole number or a boolean, since {@code kcadm.sh -s name=6} sends 6 as a number and {@code -s
 * name=true} a boolean; null or an empty string means "not set". A value equal to the stored one is taken without a
 * check, and so is a secret's {@link Setting#MASK} while the secret is set: it is what a read showed, sent back by
 * {@code kcadm.sh update}. The problem of a refused body is Keycloak's {@code errorMessage}: it names the setting and
 * what it accepts, and never quotes the value, which may be a secret.
 */
final class SettingsRequest {

    private SettingsRequest() {
    }

    /**
     * The settings to change, by name, each value stripped or null (a kept secret as stored); or the first problem
     * found. {@code stored} gives a setting's stored value, stripped, or null.
     */
    static Parsed<Map<String, String>, String> parse(byte[] body, List<Setting> settings, SettingScope scope,
                                                     UnaryOperator<String> stored) {
        ObjectNode json = LenientJson.parseObject(body);
        if (json == null) {
            return new Parsed.Invalid<>("The body must be a JSON object of settings by name, such as {\""
                    + settings.get(0).name() + "\": null}");
        }
        Map<String, String> values = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = json.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            Optional<Setting> named = settings.stream().filter(setting -> setting.name().equals(field.getKey())).findFirst();
            if (named.isEmpty()) {
                return new Parsed.Invalid<>("Unknown setting '" + printable(field.getKey()) + "': the settings are "
                        + String.join(", ", settings.stream().map(Setting::name).toList()));
            }
            Setting setting = named.get();
            JsonNode node = field.getValue();
            String value;
            if (node.isNull()) {
                value = null;
            } else if (node.isTextual() || node.isBoolean() || node.isIntegralNumber()) {
                value = node.asText().isBlank() ? null : node.asText().strip();
            } else {
                return new Parsed.Invalid<>(setting.problem());
            }
            String current = stored.apply(setting.name());
            if (setting.secret() && Setting.MASK.equals(value)) {
                if (current == null) {
                    // Nothing to keep: the mask is no secret.
                    return new Parsed.Invalid<>(setting.problem());
                }
                value = current;
            }
            // A value as stored is not checked again: kcadm.sh update sends every setting back with the one it
            // changes, and a value stored before this endpoint (or a client since renamed) must not block the others.
            if (value != null && !value.equals(current) && !setting.accepts(scope, value)) {
                return new Parsed.Invalid<>(setting.problem());
            }
            values.put(setting.name(), value);
        }
        return new Parsed.Valid<>(values);
    }

    /** An attribute's value, stripped; an empty one counts as not set, as the readers take it. */
    static String stripped(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** An unknown name is echoed only when it looks like a setting's name, so that the message stays short and plain. */
    private static String printable(String name) {
        return name.length() <= 100 && name.matches("[A-Za-z0-9._-]*") ? name : "(not shown)";
    }
}
