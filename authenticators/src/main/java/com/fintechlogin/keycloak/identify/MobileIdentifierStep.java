package com.fintechlogin.keycloak.identify;


/**
 * Finds the one user with the given mobile number. Alone in a flow it signs that user in on the calling app's
 * word (mobile sign-in); a credential step after it (PIN, OTP, password) makes it a real login.
 */
public final class MobileIdentifierStep extends AttributeIdentifierStep {

    @Override
    protected String attribute() {
        return MobileNumbers.ATTRIBUTE;
    }

    @Override
    protected String normalize(String identifier) {
        return MobileNumbers.normalize(identifier);
    }
}
