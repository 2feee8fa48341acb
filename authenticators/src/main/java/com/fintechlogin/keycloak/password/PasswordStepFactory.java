package com.fintechlogin.keycloak.password;

import com.fintechlogin.keycloak.login.DirectGrantFlows;
import com.fintechlogin.keycloak.login.StepFactory;

import org.keycloak.models.credential.PasswordCredentialModel;

public final class PasswordStepFactory extends StepFactory {

    public static final String PROVIDER_ID = DirectGrantFlows.PASSWORD_STEP;

    public PasswordStepFactory() {
        super(new PasswordStep());
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Fintech: password";
    }

    @Override
    public String getHelpText() {
        return "Checks the password given to a fintech login API (or the 'password' parameter of a direct grant) "
                + "against the user's Keycloak password, after refusing locked or disabled accounts.";
    }

    /** The password category makes Keycloak's brute-force detection count the failures of this step. */
    @Override
    public String getReferenceCategory() {
        return PasswordCredentialModel.TYPE;
    }
}
