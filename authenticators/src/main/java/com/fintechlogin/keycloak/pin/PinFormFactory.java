package com.fintechlogin.keycloak.pin;

import java.util.List;

import com.fintechlogin.keycloak.limit.PinAttempts;
import com.fintechlogin.keycloak.login.StepFactory;

import org.keycloak.provider.ProviderConfigProperty;

public final class PinFormFactory extends StepFactory {

    public static final String PROVIDER_ID = PinAttempts.PIN_FORM;

    public PinFormFactory() {
        super(new PinForm());
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Fintech: PIN form";
    }

    @Override
    public String getHelpText() {
        return "Browser page asking the identified user for their PIN, with the same exact attempt limit and counter "
                + "as PIN login through the API. Shows the attempts left, and says when the PIN is locked or not set.";
    }

    @Override
    public String getReferenceCategory() {
        return PinCredentialModel.TYPE;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return PinAttempts.CONFIG_PROPERTIES;
    }
}
