package com.fintechlogin.keycloak.mobile;

import java.util.List;

import com.fintechlogin.keycloak.login.AccountStatus;
import com.fintechlogin.keycloak.login.DirectGrantStep;
import com.fintechlogin.keycloak.login.FailureReason;
import com.fintechlogin.keycloak.login.FlowInputs;
import com.fintechlogin.keycloak.login.LoginFailures;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.browser.AbstractUsernameFormAuthenticator;
import org.keycloak.events.Details;
import org.keycloak.models.UserModel;

/**
 * Finds the one user with the given mobile number. Alone in a flow it signs that user in on the calling app's
 * word (mobile sign-in, seed 000); a credential step after it (PIN, OTP, password) makes it a real login.
 */
public final class MobileIdentifierAuthenticator extends DirectGrantStep {

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        String mobile = MobileNumbers.normalize(FlowInputs.identifier(context));
        if (mobile == null) {
            LoginFailures.fail(context, FailureReason.MALFORMED_REQUEST);
            return;
        }
        context.getEvent().detail(Details.USERNAME, mobile);
        context.getAuthenticationSession().setAuthNote(AbstractUsernameFormAuthenticator.ATTEMPTED_USERNAME, mobile);

        List<UserModel> holders = MobileUsers.holders(context.getSession(), context.getRealm(), mobile);
        if (holders.isEmpty()) {
            LoginFailures.fail(context, FailureReason.UNKNOWN_USER);
            return;
        }
        if (holders.size() > 1) {
            LoginFailures.fail(context, FailureReason.AMBIGUOUS_USER);
            return;
        }
        UserModel user = holders.get(0);
        FailureReason blocked = AccountStatus.blockingReason(context, user);
        if (blocked != null) {
            context.getEvent().user(user);
            LoginFailures.fail(context, blocked);
            return;
        }
        context.setUser(user);
        context.success();
    }

    @Override
    public boolean requiresUser() {
        return false;
    }
}
