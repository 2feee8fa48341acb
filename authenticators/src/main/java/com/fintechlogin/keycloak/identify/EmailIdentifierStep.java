package com.fintechlogin.keycloak.identify;

import com.fintechlogin.keycloak.login.AccountStatus;
import com.fintechlogin.keycloak.login.CallerBudgetGate;
import com.fintechlogin.keycloak.login.DirectGrantStep;
import com.fintechlogin.keycloak.login.FailureReason;
import com.fintechlogin.keycloak.login.FlowInputs;
import com.fintechlogin.keycloak.login.LoginFailures;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.util.AuthenticatorUtils;
import org.keycloak.events.Errors;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.UserModel;

/** Finds the user by email address; the credential step after it checks lockout and the credential. */
public final class EmailIdentifierStep extends DirectGrantStep {

    static final int MAX_EMAIL_LENGTH = 254;

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        if (CallerBudgetGate.refused(context) || FoundUser.refusedClient(context)) {
            return;
        }
        String email = FlowInputs.identifier(context);
        if (email == null || email.isBlank() || email.length() > MAX_EMAIL_LENGTH) {
            LoginFailures.fail(context, FailureReason.MALFORMED_REQUEST);
            return;
        }
        FoundUser.attempted(context, email);

        UserModel user;
        try {
            user = context.getSession().users().getUserByEmail(context.getRealm(), email);
        } catch (ModelDuplicateException shared) {
            LoginFailures.fail(context, FailureReason.AMBIGUOUS_USER);
            return;
        }
        if (user == null || user.getServiceAccountClientLink() != null) {
            failUnknownUser(context);
            return;
        }
        if (!user.isEnabled()) {
            // Keycloak refuses to put a disabled user into the flow; tell a permanent lockout from an admin's doing.
            FoundUser.refused(context, user, AccountStatus.lockoutReason(context, user));
            return;
        }
        FoundUser.accepted(context, user);
    }

    private static void failUnknownUser(AuthenticationFlowContext context) {
        if (EmailIdentifierConfig.of(context.getRealm().getName(), context.getAuthenticatorConfig()).enumerationSafe()) {
            // Same answer and the same cost as a wrong password, so neither tells which emails exist.
            AuthenticatorUtils.dummyHash(context);
            LoginFailures.fail(context, FailureReason.INVALID_CREDENTIALS, Errors.USER_NOT_FOUND);
            return;
        }
        LoginFailures.fail(context, FailureReason.UNKNOWN_USER);
    }

    @Override
    public boolean requiresUser() {
        return false;
    }
}
