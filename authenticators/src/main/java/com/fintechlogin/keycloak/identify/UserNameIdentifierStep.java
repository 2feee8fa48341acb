package com.fintechlogin.keycloak.identify;

import com.fintechlogin.keycloak.login.AccountStatus;
import com.fintechlogin.keycloak.login.CallerBudgetGate;
import com.fintechlogin.keycloak.login.DirectGrantStep;
import com.fintechlogin.keycloak.login.FailureReason;
import com.fintechlogin.keycloak.login.FlowInputs;
import com.fintechlogin.keycloak.login.LoginFailures;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.util.AuthenticatorUtils;
import org.keycloak.models.UserModel;

/**
 * Finds the user by user name; the credential step after it checks lockout and the password.
 *
 * <p>Keycloak's own {@code direct-grant-validate-username} reads only the token endpoint's form parameters, never
 * the input a REST adapter hands the flow ({@link FlowInputs}), so it cannot serve an API whose user name arrives
 * encrypted. An unknown user costs the hash of a dummy password, as in Keycloak's step, so that the time of the
 * answer does not tell which user names exist (the partner API answers both alike).
 */
public final class UserNameIdentifierStep extends DirectGrantStep {

    /** Keycloak's limit for user names. */
    public static final int MAX_USER_NAME_LENGTH = 255;

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        if (CallerBudgetGate.refused(context) || FoundUser.refusedClient(context)) {
            return;
        }
        String userName = FlowInputs.identifier(context);
        if (userName == null || userName.isBlank() || userName.length() > MAX_USER_NAME_LENGTH) {
            LoginFailures.fail(context, FailureReason.MALFORMED_REQUEST);
            return;
        }
        FoundUser.attempted(context, userName);

        UserModel user = context.getSession().users().getUserByUsername(context.getRealm(), userName);
        if (user == null || user.getServiceAccountClientLink() != null) {
            AuthenticatorUtils.dummyHash(context);
            LoginFailures.fail(context, FailureReason.UNKNOWN_USER);
            return;
        }
        if (!user.isEnabled()) {
            // Keycloak refuses to put a disabled user into the flow; tell a permanent lockout from an admin's doing.
            FoundUser.refused(context, user, AccountStatus.lockoutReason(context, user));
            return;
        }
        FoundUser.accepted(context, user);
    }

    @Override
    public boolean requiresUser() {
        return false;
    }
}
