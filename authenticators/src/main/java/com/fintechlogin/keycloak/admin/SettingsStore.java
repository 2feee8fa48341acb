package com.fintechlogin.keycloak.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

import com.fintechlogin.keycloak.json.Parsed;
import com.fintechlogin.keycloak.settings.Setting;
import com.fintechlogin.keycloak.settings.SettingScope;

import jakarta.ws.rs.core.Response;

import org.keycloak.services.ErrorResponse;

/**
 * Settings kept as the attributes of one model, the realm or a client, read and changed the same way for both: a read
 * shows each setting (a secret masked), a change checks every value before it stores any.
 */
final class SettingsStore {

    /** The attributes of the realm or of a client, which share no interface in Keycloak. */
    interface Attributes {
        String get(String name);

        void set(String name, String value);

        void remove(String name);

        /** The attributes of a realm, a client or a map, by their own three methods. */
        static Attributes of(Function<String, String> get, BiConsumer<String, String> set, Consumer<String> remove) {
            return new Attributes() {
                @Override
                public String get(String name) {
                    return get.apply(name);
                }

                @Override
                public void set(String name, String value) {
                    set.accept(name, value);
                }

                @Override
                public void remove(String name) {
                    remove.accept(name);
                }
            };
        }
    }

    private final List<Setting> settings;
    private final Attributes attributes;
    private final Function<Map<String, String>, Optional<String>> wholeCheck;

    /**
     * @param wholeCheck the problem of the settings as a change would leave them (every setting by name, null when
     *                   not set), for rules that tie settings together
     */
    SettingsStore(List<Setting> settings, Attributes attributes, Function<Map<String, String>, Optional<String>> wholeCheck) {
        this.settings = settings;
        this.attributes = attributes;
        this.wholeCheck = wholeCheck;
    }

    /** Every setting by name as an admin may see it, null when it is not set (the reader's default applies). */
    Map<String, Object> view() {
        Map<String, Object> view = new LinkedHashMap<>();
        for (Setting setting : settings) {
            view.put(setting.name(), setting.shown(stored(setting.name())));
        }
        return view;
    }

    /**
     * Stores the settings {@code body} changes, all or none: a refused value is a 400 naming the setting. Answers the
     * changes as a read shows them (secrets masked), for the admin event; empty when nothing changed.
     */
    Map<String, String> update(byte[] body, SettingScope scope) {
        Parsed<Map<String, String>, String> parsed = SettingsRequest.parse(body, settings, scope, this::stored);
        if (parsed instanceof Parsed.Invalid<Map<String, String>, String> invalid) {
            throw ErrorResponse.error(invalid.problem(), Response.Status.BAD_REQUEST);
        }
        Map<String, String> changed = new LinkedHashMap<>();
        ((Parsed.Valid<Map<String, String>, String>) parsed).value().forEach((name, value) -> {
            if (!Objects.equals(value, stored(name))) {
                changed.put(name, value);
            }
        });
        if (changed.isEmpty()) {
            return changed;
        }
        Map<String, String> before = new LinkedHashMap<>();
        settings.forEach(setting -> before.put(setting.name(), stored(setting.name())));
        Map<String, String> after = new LinkedHashMap<>(before);
        after.putAll(changed);
        Optional<String> problem = wholeCheck.apply(after);
        // As for single values, a problem the stored settings already had does not block a change that leaves it.
        if (problem.isPresent() && !problem.equals(wholeCheck.apply(before))) {
            throw ErrorResponse.error(problem.get(), Response.Status.BAD_REQUEST);
        }
        Map<String, String> shown = new LinkedHashMap<>();
        for (Setting setting : settings) {
            if (changed.containsKey(setting.name())) {
                String value = changed.get(setting.name());
                if (value == null) {
                    attributes.remove(setting.name());
                } else {
                    attributes.set(setting.name(), value);
                }
                shown.put(setting.name(), setting.shown(value));
            }
        }
        return shown;
    }

    private String stored(String name) {
        return SettingsRequest.stripped(attributes.get(name));
    }
}
