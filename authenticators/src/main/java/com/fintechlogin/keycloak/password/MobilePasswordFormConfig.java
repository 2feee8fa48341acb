package com.fintechlogin.keycloak.password;

import java.util.Map;

import org.keycloak.models.AuthenticatorConfigModel;

/** The mobile + password page's settings, read from its execution's config in the flow. */
record MobilePasswordFormConfig(boolean offerSetPin) {

    static final String OFFER_SET_PIN = "offerSetPin";

    static MobilePasswordFormConfig of(AuthenticatorConfigModel model) {
        Map<String, String> config = model == null || model.getConfig() == null ? Map.of() : model.getConfig();
        String offer = config.get(OFFER_SET_PIN);
        return new MobilePasswordFormConfig(offer == null || Boolean.parseBoolean(offer));
    }
}
