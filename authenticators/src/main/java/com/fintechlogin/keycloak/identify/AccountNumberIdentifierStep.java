package com.fintechlogin.keycloak.identify;


/** Finds the one user with the given account number (the PIN/device login's {@code X-ACCOUNT-NUMBER}). */
public final class AccountNumberIdentifierStep extends AttributeIdentifierStep {

    @Override
    protected String attribute() {
        return AccountNumbers.ATTRIBUTE;
    }

    @Override
    protected String normalize(String identifier) {
        return AccountNumbers.normalize(identifier);
    }
}
