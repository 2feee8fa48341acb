package com.fintechlogin.keycloak.pin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.provider.ProviderConfigProperty;

class PinLoginConfigTest {

    private static AuthenticatorConfigModel config(String requireRegisteredDevice) {
        AuthenticatorConfigModel model = new AuthenticatorConfigModel();
        model.setAlias("pin step");
        model.setConfig(Map.of(PinLoginConfig.REQUIRE_REGISTERED_DEVICE, requireRegisteredDevice));
        return model;
    }

    @Test
    void aRegisteredDeviceIsRequiredUnlessTheSettingSaysFalse() {
        assertThat(PinLoginConfig.of("demo", null).requireRegisteredDevice()).as("no settings").isTrue();
        // Boolean.parseBoolean would read these as false, and accept a PIN without a device.
        assertThat(PinLoginConfig.of("demo", config("yes")).requireRegisteredDevice()).as("mistyped").isTrue();
        assertThat(PinLoginConfig.of("demo", config("1")).requireRegisteredDevice()).as("mistyped").isTrue();
        assertThat(PinLoginConfig.of("demo", config("False")).requireRegisteredDevice()).isFalse();
        assertThat(PinLoginConfig.of("demo", config("true")).requireRegisteredDevice()).isTrue();
    }

    @Test
    void theAdminConsoleOffersTheSameDefault() {
        assertThat(new PinLoginStepFactory().getConfigProperties())
                .filteredOn(property -> PinLoginConfig.REQUIRE_REGISTERED_DEVICE.equals(property.getName()))
                .singleElement().extracting(ProviderConfigProperty::getDefaultValue).isEqualTo(true);
    }
}
