package com.fintechlogin.keycloak.pin;

import org.keycloak.credential.CredentialProviderFactory;
import org.keycloak.models.KeycloakSession;

/**
 * Registers the {@code pin} credential type. The type argument matters: Keycloak's credential manager reads it to
 * find which providers validate and update credentials.
 */
public final class PinCredentialProviderFactory implements CredentialProviderFactory<PinCredentialProvider> {

    public static final String PROVIDER_ID = "pin";

    @Override
    public PinCredentialProvider create(KeycloakSession session) {
        return new PinCredentialProvider(session);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
