package com.fintechlogin.keycloak.pin;

import org.keycloak.Config;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

public final class SetPinActionFactory implements RequiredActionFactory {

    private static final SetPinAction INSTANCE = new SetPinAction();

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return INSTANCE;
    }

    @Override
    public String getId() {
        return SetPinAction.PROVIDER_ID;
    }

    @Override
    public String getDisplayText() {
        return "Set PIN";
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
