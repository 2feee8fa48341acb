package com.fintechlogin.keycloak.identify;

import java.util.List;

import com.fintechlogin.keycloak.login.AccountStatus;
import com.fintechlogin.keycloak.login.BrowserForms;
import com.fintechlogin.keycloak.login.FailureReason;
import com.fintechlogin.keycloak.login.StatelessStep;

import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * The first page of a browser login that a credential page (PIN) completes: the user types a username, an email
 * (when the realm allows email login) or a mobile number. Checks no credential, so it must never stand alone.
 */
public final class IdentifierForm extends StatelessStep {

    static final String PAGE = "fintech-identifier.ftl";
    static final String FIELD = "username";

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        context.challenge(page(context, context.getAuthenticationSession().getAuthNote(FoundUser.TYPED_IDENTIFIER))
                .createForm(PAGE));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        if (BrowserForms.refusedOverBudget(context, () -> page(context, null)
                .addError(new FormMessage(FIELD, BrowserForms.OVER_BUDGET_MESSAGE)).createForm(PAGE))) {
            return;
        }
        String identifier = BrowserForms.field(context, FIELD);
        if (identifier == null) {
            BrowserForms.refuse(context, null, FailureReason.MALFORMED_REQUEST, invalid(context, null));
            return;
        }
        identifier = identifier.strip();
        FoundUser.attempted(context, identifier);
        List<UserModel> users = find(context.getSession(), context.getRealm(), identifier);
        if (users.size() != 1) {
            FailureReason reason = users.isEmpty() ? FailureReason.UNKNOWN_USER : FailureReason.AMBIGUOUS_USER;
            BrowserForms.refuse(context, null, reason, invalid(context, identifier));
            return;
        }
        UserModel user = users.get(0);
        if (AccountStatus.lockoutReason(context, user) == FailureReason.USER_DISABLED) {
            BrowserForms.refuse(context, user, FailureReason.USER_DISABLED, page(context, identifier)
                    .addError(new FormMessage(FIELD, "accountDisabledMessage")).createForm(PAGE));
            return;
        }
        // A lockout is left to the credential page, which says so in words the user can act on.
        FoundUser.accepted(context, user);
    }

    /** The user by username or email as Keycloak finds them, else by mobile number; two or more: ambiguous. */
    static List<UserModel> find(KeycloakSession session, RealmModel realm, String identifier) {
        UserModel byName = KeycloakModelUtils.findUserByNameOrEmail(session, realm, identifier);
        if (byName != null) {
            return List.of(byName);
        }
        String mobile = MobileNumbers.normalize(identifier);
        return mobile == null ? List.of() : UsersByAttribute.holders(session, realm, MobileNumbers.ATTRIBUTE, mobile);
    }

    private static Response invalid(AuthenticationFlowContext context, String identifier) {
        return page(context, identifier).addError(new FormMessage(FIELD, "fintechInvalidUsernameOrMobile")).createForm(PAGE);
    }

    private static LoginFormsProvider page(AuthenticationFlowContext context, String identifier) {
        LoginFormsProvider form = context.form();
        if (identifier != null) {
            form.setAttribute(FIELD, identifier);
        }
        return form;
    }

    @Override
    public boolean requiresUser() {
        return false;
    }
}
