package com.fintechlogin.keycloak.password;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.models.AuthenticatorConfigModel;

class MobilePasswordFormConfigTest {

    private static AuthenticatorConfigModel config(String offerSetPin) {
        AuthenticatorConfigModel model = new AuthenticatorConfigModel();
        model.setAlias("card portal page");
        model.setConfig(Map.of(MobilePasswordFormConfig.OFFER_SET_PIN, offerSetPin));
        return model;
    }

    @Test
    void setPinIsOfferedOnlyWhenTheSettingSaysTrue() {
        assertThat(MobilePasswordFormConfig.of("demo", null).offerSetPin()).as("no settings").isFalse();
        assertThat(MobilePasswordFormConfig.of("demo", config("yes")).offerSetPin()).as("mistyped").isFalse();
        assertThat(MobilePasswordFormConfig.of("demo", config("on")).offerSetPin()).as("mistyped").isFalse();
        assertThat(MobilePasswordFormConfig.of("demo", config(" True ")).offerSetPin()).isTrue();
        assertThat(MobilePasswordFormConfig.of("demo", config("false")).offerSetPin()).isFalse();
    }

    @Test
    void theAdminConsoleOffersTheSameDefault() {
        assertThat(new MobilePasswordFormFactory().getConfigProperties()).singleElement()
                .satisfies(property -> assertThat(property.getDefaultValue()).isEqualTo(false));
    }
}
