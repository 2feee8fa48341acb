package com.fintechlogin.keycloak.password;

import java.util.List;

import com.fintechlogin.keycloak.identify.MobileNumbers;
import com.fintechlogin.keycloak.identify.UsersByAttribute;
import com.fintechlogin.keycloak.limit.CredentialKinds;
import com.fintechlogin.keycloak.limit.Verdict;
import com.fintechlogin.keycloak.login.AccountStatus;
import com.fintechlogin.keycloak.login.AuthenticationLevel;
import com.fintechlogin.keycloak.login.BrowserForms;
import com.fintechlogin.keycloak.login.FailureReason;
import com.fintechlogin.keycloak.login.KeycloakBruteForce;
import com.fintechlogin.keycloak.login.LoginFailures;
import com.fintechlogin.keycloak.login.StatelessStep;
import com.fintechlogin.keycloak.pin.SetPinAction;

import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.browser.AbstractUsernameFormAuthenticator;
import org.keycloak.authentication.authenticators.util.AuthenticatorUtils;
import org.keycloak.events.Details;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.services.managers.AuthenticationManager;

/**
 * The card portal's browser login: mobile number and password on one page, checked as the card-portal API checks
 * them ({@link PasswordCheck}, the same exact limit and counter). Every refusal reads the same — invalid mobile
 * number or password — so the page tells no one whether a number is registered or locked; the event says which.
 */
public final class MobilePasswordForm extends StatelessStep {

    static final String PAGE = "fintech-mobile-password.ftl";
    static final String MOBILE = "mobile";
    static final String PASSWORD = "password";

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        context.challenge(context.form().createForm(PAGE));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        if (BrowserForms.refusedOverBudget(context, () -> context.form()
                .addError(new FormMessage(PASSWORD, BrowserForms.OVER_BUDGET_MESSAGE)).createForm(PAGE))) {
            return;
        }
        String given = BrowserForms.field(context, MOBILE);
        String mobile = MobileNumbers.normalize(given);
        String password = BrowserForms.field(context, PASSWORD);
        if (mobile == null || !PasswordCheck.isWellFormed(password)) {
            BrowserForms.refuse(context, null, FailureReason.MALFORMED_REQUEST, invalid(context, given));
            return;
        }
        context.getEvent().detail(Details.USERNAME, mobile);
        // Keycloak's attempted user name only once the password is right (below): Keycloak charges a failed flow to the
        // user whose user name or email that is, never the number's holder.
        context.getAuthenticationSession().removeAuthNote(AbstractUsernameFormAuthenticator.ATTEMPTED_USERNAME);
        List<UserModel> holders = UsersByAttribute.holders(context.getSession(), context.getRealm(), MobileNumbers.ATTRIBUTE, mobile);
        if (holders.size() != 1) {
            // As long as a password check, so that timing does not tell registered numbers apart.
            AuthenticatorUtils.dummyHash(context);
            FailureReason reason = holders.isEmpty() ? FailureReason.UNKNOWN_USER : FailureReason.AMBIGUOUS_USER;
            BrowserForms.refuse(context, null, reason, invalid(context, given));
            return;
        }
        UserModel user = holders.get(0);
        FailureReason blocked = AccountStatus.lockoutReason(context, user);
        if (blocked != null) {
            BrowserForms.refuse(context, user, blocked, invalid(context, given));
            return;
        }
        Verdict verdict = PasswordCheck.verify(context.getSession(), context.getRealm(), user, password);
        switch (verdict.outcome()) {
            case LOCKED -> BrowserForms.refuse(context, user, FailureReason.CREDENTIAL_LOCKED, invalid(context, given));
            case WRONG -> BrowserForms.refuseWrongCredential(context, user, verdict, CredentialKinds.PASSWORD, invalid(context, given));
            case RIGHT -> {
                KeycloakBruteForce.reportSuccess(context.getSession(), context.getRealm(), user);
                context.getAuthenticationSession().setAuthNote(AbstractUsernameFormAuthenticator.ATTEMPTED_USERNAME, mobile);
                context.setUser(user);
                context.getAuthenticationSession().setAuthNote(AuthenticationManager.PASSWORD_VALIDATED, "true");
                AuthenticationLevel.PASSWORD.reach(context);
                AuthenticationLevel.passwordProved(context);
                if (MobilePasswordFormConfig.of(context.getRealm().getName(), context.getAuthenticatorConfig()).offerSetPin()) {
                    SetPinAction.offer(context.getAuthenticationSession());
                }
                LoginFailures.succeed(context, PasswordCredentialModel.TYPE);
            }
        }
    }

    private static Response invalid(AuthenticationFlowContext context, String mobile) {
        LoginFormsProvider form = context.form();
        if (mobile != null) {
            form.setAttribute(MOBILE, mobile);
        }
        return form.addError(new FormMessage(PASSWORD, "fintechInvalidMobileOrPassword")).createForm(PAGE);
    }

    @Override
    public boolean requiresUser() {
        return false;
    }
}
