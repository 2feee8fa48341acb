package com.fintechlogin.keycloak.pin;

import java.util.List;
import java.util.stream.Stream;

import com.fintechlogin.keycloak.limit.PinAttempts;
import com.fintechlogin.keycloak.login.StepFactory;

import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

public final class PinLoginStepFactory extends StepFactory {

    public static final String PROVIDER_ID = PinAttempts.PIN_STEP;

    private static final List<ProviderConfigProperty> CONFIG = Stream.concat(ProviderConfigurationBuilder.create()
            .property()
            .name(PinLoginConfig.REQUIRE_REGISTERED_DEVICE)
            .label("Require a registered device")
            .helpText("Accept the PIN only together with a device id registered to the user (the PIN/device login's sign-in mode 1).")
            .type(ProviderConfigProperty.BOOLEAN_TYPE)
            .defaultValue(PinLoginConfig.SAFE_REQUIRE_REGISTERED_DEVICE)
            .add()
            .build().stream(), PinAttempts.CONFIG_PROPERTIES.stream()).toList();

    public PinLoginStepFactory() {
        super(new PinLoginStep());
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Fintech: PIN";
    }

    @Override
    public String getHelpText() {
        return "Checks the user's PIN given to the PIN/device login API (or the 'pin' parameter of a direct grant), "
                + "with an exact attempt limit: the realm's brute-force settings unless this step's config overrides them. "
                + "Stands aside (attempted) for sign-in mode 2.";
    }

    @Override
    public String getReferenceCategory() {
        return PinCredentialModel.TYPE;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG;
    }

    @Override
    public Requirement[] getRequirementChoices() {
        return new Requirement[] {Requirement.REQUIRED, Requirement.ALTERNATIVE};
    }
}
