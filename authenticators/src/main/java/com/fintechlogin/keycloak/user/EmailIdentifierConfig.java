package com.fintechlogin.keycloak.user;

import java.util.Map;

import org.keycloak.models.AuthenticatorConfigModel;

/** The email identifier's settings, read from its execution's config in the flow. */
public record EmailIdentifierConfig(boolean enumerationSafe) {

    static final String ENUMERATION_SAFE = "enumerationSafe";

    public static EmailIdentifierConfig of(AuthenticatorConfigModel model) {
        Map<String, String> config = model == null || model.getConfig() == null ? Map.of() : model.getConfig();
        return new EmailIdentifierConfig(Boolean.parseBoolean(config.get(ENUMERATION_SAFE)));
    }
}
