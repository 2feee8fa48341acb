package com.fintechlogin.keycloak.login;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jboss.logging.Logger;
import org.keycloak.models.AuthenticatorConfigModel;

/**
 * A true/false setting of a step, read from the step's authenticator config: {@code true} or {@code false} in any
 * letter case, surrounding spaces ignored. A missing value takes the setting's safe value, the stricter of the two;
 * so does any other value, with a WARN naming the setting, so that a typo ("yes", "ture", "1") never weakens a check.
 *
 * <p>Judged where it is read because Keycloak 26.7.3 gives an authenticator no say when its config is saved: required
 * actions have {@code RequiredActionFactory.validateConfig} and components {@code ComponentFactory.validateConfiguration},
 * but the admin API stores an authenticator config as sent, and a realm import as written.
 */
public final class BooleanSetting {

    private static final Logger LOG = Logger.getLogger(BooleanSetting.class);

    private BooleanSetting() {
    }

    /** The value {@code text} spells, or empty when it spells neither (blank and {@code null} included). */
    public static Optional<Boolean> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> Optional.of(true);
            case "false" -> Optional.of(false);
            default -> Optional.empty();
        };
    }

    /**
     * The setting {@code key} of {@code config} (a step without settings has none): its value when it is true or
     * false, otherwise {@code safe}. A value that is neither, blank aside, is logged; the value itself is not, as an
     * admin may have pasted anything there.
     */
    public static boolean read(String realmName, AuthenticatorConfigModel config, String key, boolean safe) {
        Map<String, String> settings = config == null || config.getConfig() == null ? Map.of() : config.getConfig();
        String text = settings.get(key);
        if (text == null || text.isBlank()) {
            return safe;
        }
        Optional<Boolean> value = parse(text);
        if (value.isEmpty()) {
            LOG.warnf("Realm '%s': setting %s of the step settings '%s' must be true or false; using %s",
                    realmName, key, config.getAlias(), safe);
        }
        return value.orElse(safe);
    }
}
