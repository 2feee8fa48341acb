package com.fintechlogin.keycloak.login;

import java.util.List;

import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * The factory of a stateless authenticator (a {@link DirectGrantStep} or a browser form): one shared instance,
 * required when used, no server settings.
 */
public abstract class StepFactory implements AuthenticatorFactory {

    private final Authenticator step;

    protected StepFactory(Authenticator step) {
        this.step = step;
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return step;
    }

    /** Credential types Keycloak's brute-force detection counts the failures of; none by default. */
    @Override
    public String getReferenceCategory() {
        return null;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }

    @Override
    public boolean isConfigurable() {
        return !getConfigProperties().isEmpty();
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
