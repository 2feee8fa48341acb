package com.fintechlogin.keycloak.identify;

import com.fintechlogin.keycloak.login.StepFactory;

public final class IdentifierFormFactory extends StepFactory {

    public static final String PROVIDER_ID = "fintech-identifier-form";

    public IdentifierFormFactory() {
        super(new IdentifierForm());
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Fintech: username or mobile form";
    }

    @Override
    public String getHelpText() {
        return "Browser page asking for a username, email or mobile number, and finding that one user. Checks no "
                + "credential: follow it with a credential step such as 'Fintech: PIN form'.";
    }
}
