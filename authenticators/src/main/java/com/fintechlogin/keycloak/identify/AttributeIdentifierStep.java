package com.fintechlogin.keycloak.identify;

import java.util.List;

import com.fintechlogin.keycloak.login.AccountStatus;
import com.fintechlogin.keycloak.login.CallerBudgetGate;
import com.fintechlogin.keycloak.login.DirectGrantFlows;
import com.fintechlogin.keycloak.login.DirectGrantStep;
import com.fintechlogin.keycloak.login.FailureReason;
import com.fintechlogin.keycloak.login.FlowInputs;
import com.fintechlogin.keycloak.login.LoginFailures;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.util.AuthenticatorUtils;
import org.keycloak.models.UserModel;

/**
 * Finds the one user whose unique attribute holds the identifier given to the flow, and refuses locked or
 * disabled accounts. Checks no credential: alone in a flow it trusts the calling app.
 */
public abstract class AttributeIdentifierStep extends DirectGrantStep {

    /** The user attribute looked up. */
    protected abstract String attribute();

    /** The stored form of the identifier as given, or {@code null} when it cannot be one. */
    protected abstract String normalize(String identifier);

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        if (CallerBudgetGate.refused(context) || FoundUser.refusedClient(context)) {
            return;
        }
        String value = normalize(FlowInputs.identifier(context));
        if (value == null) {
            LoginFailures.fail(context, FailureReason.MALFORMED_REQUEST);
            return;
        }
        FoundUser.attempted(context, value);

        List<UserModel> holders = UsersByAttribute.holders(context.getSession(), context.getRealm(), attribute(), value);
        if (holders.size() != 1) {
            if (DirectGrantFlows.checksPassword(context.getRealm(), context.getTopLevelFlow())) {
                // A flow that goes on to hash a password must spend one here too, as Keycloak's username form does:
                // otherwise an unknown identifier answers sooner than a wrong password, and the time tells which
                // identifiers are registered even where the answers are alike (the card portal's).
                AuthenticatorUtils.dummyHash(context);
            }
            LoginFailures.fail(context, holders.isEmpty() ? FailureReason.UNKNOWN_USER : FailureReason.AMBIGUOUS_USER);
            return;
        }
        UserModel user = holders.get(0);
        FailureReason blocked = AccountStatus.lockoutReason(context, user);
        if (blocked != null) {
            FoundUser.refused(context, user, blocked);
            return;
        }
        FoundUser.accepted(context, user);
    }

    @Override
    public boolean requiresUser() {
        return false;
    }
}
