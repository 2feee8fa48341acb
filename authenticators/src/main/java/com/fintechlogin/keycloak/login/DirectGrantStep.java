package com.fintechlogin.keycloak.login;

/**
 * A step of a direct-grant flow: all its work happens in {@link #authenticate}; it shows no form.
 */
public abstract class DirectGrantStep extends StatelessStep {

    @Override
    public void action(org.keycloak.authentication.AuthenticationFlowContext context) {
        // No form, so nothing is ever posted back.
    }
}
