package com.fintechlogin.keycloak.account;

import com.fintechlogin.keycloak.user.AttributeIdentifierStep;

/** Finds the one user with the given account number (seed 001's {@code X-ACCOUNT-NUMBER}). */
public final class AccountNumberIdentifierAuthenticator extends AttributeIdentifierStep {

    @Override
    protected String attribute() {
        return AccountNumbers.ATTRIBUTE;
    }

    @Override
    protected String normalize(String identifier) {
        return AccountNumbers.normalize(identifier);
    }
}
