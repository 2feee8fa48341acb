package com.fintechlogin.keycloak.password;

import java.util.List;

import com.fintechlogin.keycloak.login.StepFactory;

import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

public final class MobilePasswordFormFactory extends StepFactory {

    public static final String PROVIDER_ID = "fintech-mobile-password-form";

    private static final List<ProviderConfigProperty> CONFIG = ProviderConfigurationBuilder.create()
            .property()
            .name(MobilePasswordFormConfig.OFFER_SET_PIN)
            .label("Send users without a PIN through Set PIN")
            .helpText("After a right password, a user who has no PIN yet is asked to choose one (the 'Set PIN' "
                    + "required action, which must be enabled in the realm). Off when not set.")
            .type(ProviderConfigProperty.BOOLEAN_TYPE)
            .defaultValue(MobilePasswordFormConfig.SAFE_OFFER_SET_PIN)
            .add()
            .build();

    public MobilePasswordFormFactory() {
        super(new MobilePasswordForm());
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Fintech: mobile number and password form";
    }

    @Override
    public String getHelpText() {
        return "Browser page for the card portal: mobile number and password, checked with Keycloak's password "
                + "credential behind the same exact attempt limit as the card-portal API.";
    }

    @Override
    public String getReferenceCategory() {
        return PasswordCredentialModel.TYPE;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG;
    }
}
