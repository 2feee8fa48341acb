package com.fintechlogin.keycloak.password;

import com.fintechlogin.keycloak.login.AccountStatus;
import com.fintechlogin.keycloak.login.DirectGrantStep;
import com.fintechlogin.keycloak.login.FailureReason;
import com.fintechlogin.keycloak.login.FlowInputs;
import com.fintechlogin.keycloak.login.LoginFailures;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserCredentialModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.services.managers.AuthenticationManager;

/** Checks the password of the user an earlier step identified, with Keycloak's own password credential. */
public final class PasswordAuthenticator extends DirectGrantStep {

    static final int MAX_PASSWORD_LENGTH = 256;

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        UserModel user = context.getUser();
        FailureReason blocked = AccountStatus.blockingReason(context, user);
        if (blocked != null) {
            LoginFailures.fail(context, blocked);
            return;
        }
        String password = FlowInputs.password(context);
        if (password == null || password.isEmpty() || password.length() > MAX_PASSWORD_LENGTH) {
            LoginFailures.fail(context, FailureReason.MALFORMED_REQUEST);
            return;
        }
        if (!user.credentialManager().isValid(UserCredentialModel.password(password))) {
            LoginFailures.fail(context, FailureReason.INVALID_CREDENTIALS);
            return;
        }
        context.getAuthenticationSession().setAuthNote(AuthenticationManager.PASSWORD_VALIDATED, "true");
        context.success(PasswordCredentialModel.TYPE);
    }

    @Override
    public boolean requiresUser() {
        return true;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return user.credentialManager().isConfiguredFor(PasswordCredentialModel.TYPE);
    }
}
