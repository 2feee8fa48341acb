package com.fintechlogin.keycloak.partner;

import com.fintechlogin.keycloak.login.StepFactory;

public final class PartnerRoleStepFactory extends StepFactory {

    public static final String PROVIDER_ID = "fintech-partner-role";

    public PartnerRoleStepFactory() {
        super(new PartnerRoleStep());
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Fintech: partner role";
    }

    @Override
    public String getHelpText() {
        return "Refuses users who do not hold the realm role named by the realm attribute '" + PartnerSettings.ROLE_ATTRIBUTE
                + "' (default '" + PartnerSettings.DEFAULT_ROLE + "'). Put it after the password step.";
    }
}
