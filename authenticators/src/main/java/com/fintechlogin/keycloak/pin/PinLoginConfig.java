package com.fintechlogin.keycloak.pin;

import java.util.Map;

import org.keycloak.models.AuthenticatorConfigModel;

/** The PIN step's settings, read from its execution's config in the flow. */
record PinLoginConfig(boolean requireRegisteredDevice) {

    static final String REQUIRE_REGISTERED_DEVICE = "requireRegisteredDevice";

    static PinLoginConfig of(AuthenticatorConfigModel model) {
        Map<String, String> config = model == null || model.getConfig() == null ? Map.of() : model.getConfig();
        String require = config.get(REQUIRE_REGISTERED_DEVICE);
        return new PinLoginConfig(require == null || Boolean.parseBoolean(require));
    }
}
