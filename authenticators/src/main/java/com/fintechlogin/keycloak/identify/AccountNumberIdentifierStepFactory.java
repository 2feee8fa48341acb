package com.fintechlogin.keycloak.identify;

import com.fintechlogin.keycloak.login.StepFactory;

public final class AccountNumberIdentifierStepFactory extends StepFactory {

    public static final String PROVIDER_ID = "fintech-account-number-identifier";

    public AccountNumberIdentifierStepFactory() {
        super(new AccountNumberIdentifierStep());
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Fintech: identify user by account number";
    }

    @Override
    public String getHelpText() {
        return "Finds the one enabled user whose 'accountNumber' attribute matches the account number given to a "
                + "fintech API (X-ACCOUNT-NUMBER, or the 'username' parameter of a direct grant). Checks no credential.";
    }
}
