package com.fintechlogin.keycloak.identify;

import com.fintechlogin.keycloak.login.BooleanSetting;

import org.keycloak.models.AuthenticatorConfigModel;

/** The email identifier's settings, read from its execution's config in the flow. */
public record EmailIdentifierConfig(boolean enumerationSafe) {

    static final String ENUMERATION_SAFE = "enumerationSafe";

    /**
     * Enumeration-safe unless the config says false: the stricter answer when the setting is missing or mistyped.
     * The email/password login API's document tells an unknown email from a wrong password, so a flow that serves it
     * sets false.
     */
    static final boolean SAFE_ENUMERATION_SAFE = true;

    public static EmailIdentifierConfig of(String realmName, AuthenticatorConfigModel model) {
        return new EmailIdentifierConfig(BooleanSetting.read(realmName, model, ENUMERATION_SAFE, SAFE_ENUMERATION_SAFE));
    }
}
