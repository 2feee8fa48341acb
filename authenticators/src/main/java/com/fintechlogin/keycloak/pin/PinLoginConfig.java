package com.fintechlogin.keycloak.pin;

import com.fintechlogin.keycloak.login.BooleanSetting;

import org.keycloak.models.AuthenticatorConfigModel;

/** The PIN step's settings, read from its execution's config in the flow. */
record PinLoginConfig(boolean requireRegisteredDevice) {

    static final String REQUIRE_REGISTERED_DEVICE = "requireRegisteredDevice";

    /** A PIN alone is not accepted unless the config says false: the stricter choice, when missing or mistyped. */
    static final boolean SAFE_REQUIRE_REGISTERED_DEVICE = true;

    static PinLoginConfig of(String realmName, AuthenticatorConfigModel model) {
        return new PinLoginConfig(BooleanSetting.read(realmName, model, REQUIRE_REGISTERED_DEVICE, SAFE_REQUIRE_REGISTERED_DEVICE));
    }
}
