package com.fintechlogin.keycloak.identify;

import com.fintechlogin.keycloak.login.StepFactory;

public final class UserNameIdentifierStepFactory extends StepFactory {

    public static final String PROVIDER_ID = "fintech-username-identifier";

    public UserNameIdentifierStepFactory() {
        super(new UserNameIdentifierStep());
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Fintech: identify user by user name";
    }

    @Override
    public String getHelpText() {
        return "Finds the user by the user name a fintech API decrypted from its request (or the 'username' parameter of "
                + "a direct grant) and refuses disabled accounts. An unknown user costs a dummy password hash. Checks no "
                + "credential: add the password step after it.";
    }
}
