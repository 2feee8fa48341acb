package com.fintechlogin.keycloak.pin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import com.fintechlogin.keycloak.limit.Verdict;
import com.fintechlogin.keycloak.login.AccountStatus;
import com.fintechlogin.keycloak.login.FailureReason;
import com.fintechlogin.keycloak.login.KeycloakBruteForce;
import com.fintechlogin.keycloak.login.LoginEvents;

import jakarta.ws.rs.core.MultivaluedMap;

import org.keycloak.authentication.InitiatedActionSupport;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * "Set PIN": the user chooses a PIN (twice) under the realm's length and weak-PIN rules, giving the current one
 * first when they have a PIN. Runs when an admin
 * assigns it, when an app asks for it ({@code kc_action=fintech-set-pin}), or after a browser login whose step
 * offered it ({@link #offer}) to a user who has no PIN. It never triggers by itself on API logins: those cannot
 * show a page, and would fail as "account not set up".
 */
public final class SetPinAction implements RequiredActionProvider {

    public static final String PROVIDER_ID = "fintech-set-pin";
    static final String PAGE = "fintech-set-pin.ftl";
    static final String PIN = "pin";
    static final String CONFIRMATION = "pinConfirm";
    static final String CURRENT = "currentPin";

    /** Auth note by which a browser step offers Set PIN to a user without one. */
    static final String OFFER_NOTE = "fintech.set-pin.offered";

    /** Asks, for this browser login, that a user without a PIN be sent through Set PIN. */
    public static void offer(AuthenticationSessionModel authSession) {
        authSession.setAuthNote(OFFER_NOTE, "true");
    }

    @Override
    public InitiatedActionSupport initiatedActionSupport() {
        return InitiatedActionSupport.SUPPORTED;
    }

    @Override
    public void evaluateTriggers(RequiredActionContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        if ("true".equals(authSession.getAuthNote(OFFER_NOTE)) && !PinCredentials.hasPin(context.getUser())) {
            authSession.addRequiredAction(PROVIDER_ID);
        }
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        context.challenge(page(context).createForm(PAGE));
    }

    @Override
    public void processAction(RequiredActionContext context) {
        RealmModel realm = context.getRealm();
        UserModel user = context.getUser();
        boolean change = PinCredentials.hasPin(user);
        EventBuilder event = context.getEvent().event(EventType.UPDATE_CREDENTIAL)
                .detail(Details.CREDENTIAL_TYPE, PinCredentialModel.TYPE);
        EventBuilder errorEvent = event.clone().event(EventType.UPDATE_CREDENTIAL_ERROR).user(user);
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        String pin = form.getFirst(PIN);
        String confirmation = form.getFirst(CONFIRMATION);

        PinSettings settings = PinSettings.of(realm);
        FormMessage problem = switch (settings.check(pin)) {
            case NOT_DIGITS -> new FormMessage(PIN, "fintechPinNotDigits");
            case WRONG_LENGTH -> new FormMessage(PIN, "fintechPinWrongLength", settings.length());
            case WEAK, COMMON -> new FormMessage(PIN, "fintechPinWeak");
            case OK -> sameDigits(pin, confirmation) ? null : new FormMessage(CONFIRMATION, "fintechPinMismatch");
        };
        if (problem != null) {
            errorEvent.error(CONFIRMATION.equals(problem.getField()) ? Errors.PASSWORD_CONFIRM_ERROR : Errors.INVALID_INPUT);
            context.challenge(page(context).addError(problem).createForm(PAGE));
            return;
        }
        // After the new PIN's rules, so that a PIN the realm refuses costs none of the user's attempts. A user who has
        // a PIN proves it, as at login: a browser session someone else sat down at must not take the PIN over.
        if (change && !currentPinProved(context, form.getFirst(CURRENT), errorEvent)) {
            return;
        }
        try {
            PinCredentials.set(context.getSession(), realm, user, pin);
        } catch (PinPepperUnavailableException noPepper) {
            // Logged for the admin where it was found; the user only learns it cannot be done now.
            errorEvent.error(Errors.NOT_ALLOWED);
            context.challenge(page(context).setError("fintechPinUnavailable").createForm(PAGE));
            return;
        }
        event.detail(LoginEvents.CHANGE, change ? LoginEvents.PIN_CHANGED : LoginEvents.PIN_SET).success();
        context.success();
    }

    /**
     * Whether {@code current} is the user's PIN, checked behind the PIN's exact limit; otherwise the page again with
     * the reason, and the error event. A lock stays: only an admin or the recovery path lifts it.
     */
    private static boolean currentPinProved(RequiredActionContext context, String current, EventBuilder errorEvent) {
        RealmModel realm = context.getRealm();
        UserModel user = context.getUser();
        if (AccountStatus.lockoutReason(context.getSession(), realm, user) == FailureReason.USER_LOCKED) {
            errorEvent.detail(LoginEvents.REASON, FailureReason.USER_LOCKED.detail()).error(Errors.USER_TEMPORARILY_DISABLED);
            context.challenge(page(context).addError(new FormMessage(CURRENT, "fintechAccountLocked")).createForm(PAGE));
            return false;
        }
        Verdict verdict;
        try {
            verdict = PinSettings.isStorable(current)
                    ? PinCredentials.verifyWithinLimit(context.getSession(), realm, user, current)
                    : Verdict.wrongUnevaluated();
        } catch (PinPepperUnavailableException noPepper) {
            errorEvent.error(Errors.NOT_ALLOWED);
            context.challenge(page(context).setError("fintechPinUnavailable").createForm(PAGE));
            return false;
        }
        switch (verdict.outcome()) {
            case RIGHT -> {
                return true;
            }
            case LOCKED -> {
                errorEvent.detail(LoginEvents.REASON, FailureReason.CREDENTIAL_LOCKED.detail()).error(Errors.USER_TEMPORARILY_DISABLED);
                context.challenge(page(context).addError(new FormMessage(CURRENT, "fintechPinLocked")).createForm(PAGE));
                return false;
            }
            default -> {
                if (verdict.limited()) {
                    KeycloakBruteForce.reportFailure(context.getSession(), realm, user);
                    errorEvent.detail(LoginEvents.ATTEMPTS_LEFT, Integer.toString(verdict.attemptsLeft()));
                }
                errorEvent.detail(LoginEvents.REASON, FailureReason.INVALID_CREDENTIALS.detail()).error(Errors.INVALID_USER_CREDENTIALS);
                FormMessage wrong = verdict.limited() && verdict.attemptsLeft() == 0
                        ? new FormMessage(CURRENT, "fintechPinLocked")
                        : verdict.limited()
                        ? new FormMessage(CURRENT, "fintechCurrentPinInvalid", verdict.attemptsLeft())
                        : new FormMessage(CURRENT, "fintechCurrentPinWrong");
                context.challenge(page(context).addError(wrong).createForm(PAGE));
                return false;
            }
        }
    }

    private static boolean sameDigits(String pin, String confirmation) {
        return confirmation != null && MessageDigest.isEqual(
                pin.getBytes(StandardCharsets.US_ASCII), confirmation.getBytes(StandardCharsets.US_ASCII));
    }

    private static LoginFormsProvider page(RequiredActionContext context) {
        PinSettings settings = PinSettings.of(context.getRealm());
        return context.form()
                .setAttribute("currentPinRequired", PinCredentials.hasPin(context.getUser()))
                .setAttribute("pinLength", settings.length())
                .setAttribute("weakPinsAllowed", settings.weakAllowed());
    }

    @Override
    public void close() {
        // Stateless.
    }
}
