package com.fintechlogin.keycloak.password;

import com.fintechlogin.keycloak.limit.Verdict;
import com.fintechlogin.keycloak.login.AccountStatus;
import com.fintechlogin.keycloak.login.AuthenticationLevel;
import com.fintechlogin.keycloak.login.CallerBudgetGate;
import com.fintechlogin.keycloak.login.DirectGrantStep;
import com.fintechlogin.keycloak.login.FailureReason;
import com.fintechlogin.keycloak.login.FlowInputs;
import com.fintechlogin.keycloak.login.LoginFailures;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.services.managers.AuthenticationManager;

/**
 * Checks the password of the user an earlier step identified, with Keycloak's own password credential behind
 * the project's exact attempt limit. Wrong passwords are also reported to Keycloak's brute-force detector, so
 * its lockout view and its unlock stay true.
 */
public final class PasswordStep extends DirectGrantStep {

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        // Asked by the step that found the user already, in the flows this project builds; here for flows that do not.
        if (CallerBudgetGate.refused(context)) {
            return;
        }
        UserModel user = context.getUser();
        FailureReason blocked = AccountStatus.lockoutReason(context, user);
        if (blocked != null) {
            LoginFailures.fail(context, blocked);
            return;
        }
        String password = FlowInputs.password(context);
        if (!PasswordCheck.isWellFormed(password)) {
            LoginFailures.fail(context, FailureReason.MALFORMED_REQUEST);
            return;
        }
        Verdict verdict = PasswordCheck.verify(context.getSession(), context.getRealm(), user, password);
        if (verdict.right()) {
            context.getAuthenticationSession().setAuthNote(AuthenticationManager.PASSWORD_VALIDATED, "true");
            AuthenticationLevel.passwordProved(context);
        }
        LoginFailures.conclude(context, verdict, PasswordCredentialModel.TYPE, AuthenticationLevel.PASSWORD);
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
