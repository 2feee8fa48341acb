package com.fintechlogin.keycloak.identify;

import com.fintechlogin.keycloak.login.StepFactory;

public final class MobileIdentifierStepFactory extends StepFactory {

    public static final String PROVIDER_ID = "fintech-mobile-identifier";

    public MobileIdentifierStepFactory() {
        super(new MobileIdentifierStep());
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Fintech: identify user by mobile number";
    }

    @Override
    public String getHelpText() {
        return "Finds the one enabled user whose 'mobile' attribute matches the number given to a fintech API (or "
                + "the 'username' parameter of a direct grant). Alone in a flow it trusts the calling app: add a PIN, "
                + "OTP or password step after it for a real login.";
    }
}
