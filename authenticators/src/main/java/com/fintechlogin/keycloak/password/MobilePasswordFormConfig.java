package com.fintechlogin.keycloak.password;

import com.fintechlogin.keycloak.login.BooleanSetting;

import org.keycloak.models.AuthenticatorConfigModel;

/** The mobile + password page's settings, read from its execution's config in the flow. */
record MobilePasswordFormConfig(boolean offerSetPin) {

    static final String OFFER_SET_PIN = "offerSetPin";

    /**
     * No Set PIN offer unless the config says true: when the setting is missing or mistyped the page adds no credential
     * on a password alone, the stricter of the two.
     */
    static final boolean SAFE_OFFER_SET_PIN = false;

    static MobilePasswordFormConfig of(String realmName, AuthenticatorConfigModel model) {
        return new MobilePasswordFormConfig(BooleanSetting.read(realmName, model, OFFER_SET_PIN, SAFE_OFFER_SET_PIN));
    }
}
