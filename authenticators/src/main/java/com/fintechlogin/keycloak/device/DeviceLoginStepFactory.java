package com.fintechlogin.keycloak.device;

import com.fintechlogin.keycloak.login.StepFactory;

import org.keycloak.models.AuthenticationExecutionModel.Requirement;

public final class DeviceLoginStepFactory extends StepFactory {

    public static final String PROVIDER_ID = "fintech-device";

    public DeviceLoginStepFactory() {
        super(new DeviceLoginStep());
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Fintech: registered device";
    }

    @Override
    public String getHelpText() {
        return "The PIN/device login's sign-in mode 2: the device id encrypted with the realm's RSA-OAEP-256 key must decrypt to a "
                + "device registered to the user. Each ciphertext is accepted once. Stands aside (attempted) for other modes.";
    }

    @Override
    public String getReferenceCategory() {
        return DeviceCredentialModel.TYPE;
    }

    @Override
    public Requirement[] getRequirementChoices() {
        return new Requirement[] {Requirement.REQUIRED, Requirement.ALTERNATIVE};
    }
}
