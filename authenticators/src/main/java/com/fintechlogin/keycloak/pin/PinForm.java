package com.fintechlogin.keycloak.pin;

import com.fintechlogin.keycloak.keys.PinPepperUnavailableException;
import com.fintechlogin.keycloak.limit.AttemptLimiter;
import com.fintechlogin.keycloak.limit.AttemptStatus;
import com.fintechlogin.keycloak.limit.CredentialKinds;
import com.fintechlogin.keycloak.limit.PinAttempts;
import com.fintechlogin.keycloak.limit.Verdict;
import com.fintechlogin.keycloak.login.AuthenticationLevel;
import com.fintechlogin.keycloak.login.BrowserForms;
import com.fintechlogin.keycloak.login.FailureReason;
import com.fintechlogin.keycloak.login.KeycloakBruteForce;
import com.fintechlogin.keycloak.login.LoginFailures;
import com.fintechlogin.keycloak.login.StatelessStep;

import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;

/**
 * The PIN page of a browser login, for the user an earlier step identified. The checks, the exact attempt limit
 * and the counter are the API's ({@link PinLogin}, {@link PinCredentials#verifyWithinLimit}); what differs is
 * the answer: the page again, with attempts left, or without a PIN field once the PIN is locked or not set.
 */
public final class PinForm extends StatelessStep {

    static final String PAGE = "fintech-pin.ftl";
    static final String FIELD = "pin";

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        FailureReason unusable = PinLogin.refusalBeforeInput(context, context.getUser());
        if (unusable == null && lockedByLimiter(context, context.getUser())) {
            unusable = FailureReason.CREDENTIAL_LOCKED;
        }
        context.challenge(unusable == null ? page(context, true).createForm(PAGE) : unusablePage(context, unusable));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        if (BrowserForms.refusedOverBudget(context, () -> page(context, true)
                .addError(new FormMessage(FIELD, BrowserForms.OVER_BUDGET_MESSAGE)).createForm(PAGE))) {
            return;
        }
        UserModel user = context.getUser();
        String pin = BrowserForms.field(context, FIELD);
        FailureReason refused = PinLogin.refusalBeforeCheck(context, user, pin);
        if (refused == FailureReason.MALFORMED_REQUEST) {
            int length = PinSettings.of(context.getRealm()).length();
            BrowserForms.refuse(context, user, refused, page(context, true)
                    .addError(new FormMessage(FIELD, "fintechPinMissing", length)).createForm(PAGE));
            return;
        }
        if (refused != null) {
            BrowserForms.refuse(context, user, refused, unusablePage(context, refused));
            return;
        }
        Verdict verdict;
        try {
            verdict = PinCredentials.verifyWithinLimit(context.getSession(), context.getRealm(), user, pin);
        } catch (PinPepperUnavailableException noPepper) {
            BrowserForms.refuse(context, user, FailureReason.NOT_CONFIGURED, unusablePage(context, FailureReason.NOT_CONFIGURED));
            return;
        }
        switch (verdict.outcome()) {
            case LOCKED -> BrowserForms.refuse(context, user, FailureReason.CREDENTIAL_LOCKED,
                    unusablePage(context, FailureReason.CREDENTIAL_LOCKED));
            case WRONG -> wrongPin(context, user, verdict);
            case RIGHT -> {
                KeycloakBruteForce.reportSuccess(context.getSession(), context.getRealm(), user);
                // No device takes part in a browser PIN login: the PIN is all it proves.
                AuthenticationLevel.PASSWORD.reach(context);
                LoginFailures.succeed(context, PinCredentialModel.TYPE);
            }
        }
    }

    private static void wrongPin(AuthenticationFlowContext context, UserModel user, Verdict verdict) {
        Response again = verdict.attemptsLeft() == 0
                ? unusablePage(context, FailureReason.CREDENTIAL_LOCKED)
                : page(context, true).addError(new FormMessage(FIELD, "fintechPinInvalid", verdict.attemptsLeft())).createForm(PAGE);
        BrowserForms.refuseWrongCredential(context, user, verdict, CredentialKinds.PIN, again);
    }

    private static boolean lockedByLimiter(AuthenticationFlowContext context, UserModel user) {
        return pinCounter(context, user).locked();
    }

    private static AttemptStatus pinCounter(AuthenticationFlowContext context, UserModel user) {
        RealmModel realm = context.getRealm();
        return new AttemptLimiter(context.getSession()).status(realm, user, CredentialKinds.PIN, PinAttempts.policy(realm));
    }

    /**
     * The page without a PIN field, saying why: locked (for a while, or until unlocked), not set, account locked or
     * disabled, or unavailable.
     */
    private static Response unusablePage(AuthenticationFlowContext context, FailureReason reason) {
        boolean lockLasts = false;
        if (reason == FailureReason.USER_LOCKED || reason == FailureReason.CREDENTIAL_LOCKED) {
            AttemptStatus pin = pinCounter(context, context.getUser());
            // Keycloak's account lock usually follows the PIN lock, fed by the same wrong PINs: name the cause.
            if (pin.locked()) {
                reason = FailureReason.CREDENTIAL_LOCKED;
            }
            // "Try again later" would send the user back to a PIN that stays locked until someone lifts it.
            lockLasts = pin.untilAdminUnlock();
        }
        String message = switch (reason) {
            case CREDENTIAL_NOT_SET -> "fintechPinNotSet";
            case CREDENTIAL_LOCKED -> lockLasts ? "fintechPinLockedUntilUnlocked" : "fintechPinLocked";
            case USER_LOCKED -> "fintechAccountLocked";
            case USER_DISABLED -> "accountDisabledMessage";
            default -> "fintechPinUnavailable";
        };
        return page(context, false).setError(message).createForm(PAGE);
    }

    private static LoginFormsProvider page(AuthenticationFlowContext context, boolean usable) {
        return context.form()
                .setAttribute("pinLength", PinSettings.of(context.getRealm()).length())
                .setAttribute("pinUsable", usable);
    }

    @Override
    public boolean requiresUser() {
        return true;
    }
}
