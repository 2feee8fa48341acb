package com.fintechlogin.keycloak.user;

import java.util.List;

import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

public final class EmailIdentifierAuthenticatorFactory implements AuthenticatorFactory {

    public static final String PROVIDER_ID = "fintech-email-identifier";

    private static final EmailIdentifierAuthenticator SINGLETON = new EmailIdentifierAuthenticator();

    private static final List<ProviderConfigProperty> CONFIG = ProviderConfigurationBuilder.create()
            .property()
            .name(EmailIdentifierConfig.ENUMERATION_SAFE)
            .label("Enumeration-safe")
            .helpText("Answer an unknown email exactly like a wrong password, at the same cost, so that the API does "
                    + "not reveal which emails are registered. Off by default, as the documented API tells the two apart.")
            .type(ProviderConfigProperty.BOOLEAN_TYPE)
            .defaultValue(false)
            .add()
            .build();

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Fintech: identify user by email";
    }

    @Override
    public String getHelpText() {
        return "Finds the user by the email address given to the email/password login API (or the 'username' "
                + "parameter of a direct grant) and refuses locked or disabled accounts. Checks no credential.";
    }

    @Override
    public String getReferenceCategory() {
        return null;
    }

    @Override
    public boolean isConfigurable() {
        return true;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG;
    }

    @Override
    public Requirement[] getRequirementChoices() {
        return new Requirement[] {Requirement.REQUIRED};
    }

    @Override
    public boolean isUserSetupAllowed() {
        return false;
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return SINGLETON;
    }

    @Override
    public void init(Config.Scope config) {
        // No server-wide settings.
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        // Nothing to wire.
    }

    @Override
    public void close() {
        // Stateless.
    }
}
