package com.fintechlogin.keycloak.identify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.models.AuthenticatorConfigModel;

class EmailIdentifierConfigTest {

    private static AuthenticatorConfigModel config(String enumerationSafe) {
        AuthenticatorConfigModel model = new AuthenticatorConfigModel();
        model.setAlias("email step");
        model.setConfig(Map.of(EmailIdentifierConfig.ENUMERATION_SAFE, enumerationSafe));
        return model;
    }

    @Test
    void enumerationSafeUnlessTheSettingSaysFalse() {
        assertThat(EmailIdentifierConfig.of("demo", null).enumerationSafe()).as("no settings").isTrue();
        assertThat(EmailIdentifierConfig.of("demo", config("yes")).enumerationSafe()).as("mistyped").isTrue();
        assertThat(EmailIdentifierConfig.of("demo", config("no")).enumerationSafe()).as("mistyped").isTrue();
        assertThat(EmailIdentifierConfig.of("demo", config(" FALSE ")).enumerationSafe()).isFalse();
        assertThat(EmailIdentifierConfig.of("demo", config("true")).enumerationSafe()).isTrue();
    }

    @Test
    void theAdminConsoleOffersTheSameDefault() {
        assertThat(new EmailIdentifierStepFactory().getConfigProperties()).singleElement()
                .satisfies(property -> assertThat(property.getDefaultValue()).isEqualTo(true));
    }
}
