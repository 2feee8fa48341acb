package com.fintechlogin.keycloak.identify;

import java.util.List;

import com.fintechlogin.keycloak.login.StepFactory;

import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

public final class EmailIdentifierStepFactory extends StepFactory {

    public static final String PROVIDER_ID = "fintech-email-identifier";

    private static final List<ProviderConfigProperty> CONFIG = ProviderConfigurationBuilder.create()
            .property()
            .name(EmailIdentifierConfig.ENUMERATION_SAFE)
            .label("Enumeration-safe")
            .helpText("Answer an unknown email exactly like a wrong password, at the same cost, so that the API does "
                    + "not reveal which emails are registered. On when not set; turn it off where the documented API "
                    + "must tell the two apart (the email/password login API's document does).")
            .type(ProviderConfigProperty.BOOLEAN_TYPE)
            .defaultValue(EmailIdentifierConfig.SAFE_ENUMERATION_SAFE)
            .add()
            .build();

    public EmailIdentifierStepFactory() {
        super(new EmailIdentifierStep());
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Fintech: identify user by email";
    }

    @Override
    public String getHelpText() {
        return "Finds the user by the email address given to the email/password login API (or the 'username' "
                + "parameter of a direct grant) and refuses locked or disabled accounts. Checks no credential.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG;
    }
}
