package com.fintechlogin.keycloak.pin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import com.fintechlogin.keycloak.keys.PinPepperUnavailableException;
import com.fintechlogin.keycloak.limit.CredentialKinds;
import com.fintechlogin.keycloak.login.FailureReason;
import com.fintechlogin.keycloak.login.LoginEvents;

import jakarta.ws.rs.core.MultivaluedMap;

import org.keycloak.authentication.CredentialAction;
import org.keycloak.authentication.InitiatedActionSupport;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
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
 *
 * <p>The account console starts it as an application-initiated action (the PIN type's create and update action,
 * {@link PinCredentialProvider#getCredentialTypeMetadata}). As a {@link CredentialAction}, Keycloak treats it as
 * the PIN's credential action, and like every application-initiated action it runs only on a recent login: a
 * browser session whose login is older than the action's maximum age ({@code max_auth_age} in its config, 300 s
 * by default) signs in again first.
 */
public final class SetPinAction implements RequiredActionProvider, CredentialAction {

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
    public String getCredentialType(KeycloakSession session, AuthenticationSessionModel authenticationSession) {
        return PinCredentialModel.TYPE;
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
        // A copy: the context's event is Keycloak's own, which it sends again once the action is done (the LOGIN that
        // ends the flow); changed in place, it would carry this change's type and details into that event.
        EventBuilder event = context.getEvent().clone().event(EventType.UPDATE_CREDENTIAL)
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
        CurrentPinCheck.Result result = CurrentPinCheck.check(context.getSession(), context.getRealm(), context.getUser(), current);
        if (result.right()) {
            return true;
        }
        if (result.limited()) {
            errorEvent.detail(LoginEvents.ATTEMPTS_LEFT, Integer.toString(result.verdict().attemptsLeft()))
                    .detail(LoginEvents.LIMITED_CREDENTIAL, CredentialKinds.PIN);
        }
        FormMessage problem = switch (result.refusal()) {
            case ACCOUNT_LOCKED -> refused(errorEvent, FailureReason.USER_LOCKED, "fintechAccountLocked");
            case PIN_LOCKED -> refused(errorEvent, FailureReason.CREDENTIAL_LOCKED, "fintechPinLocked");
            case WRONG -> {
                errorEvent.detail(LoginEvents.REASON, FailureReason.INVALID_CREDENTIALS.detail());
                errorEvent.error(Errors.INVALID_USER_CREDENTIALS);
                yield !result.limited() ? new FormMessage(CURRENT, "fintechCurrentPinWrong")
                        : result.verdict().attemptsLeft() == 0 ? new FormMessage(CURRENT, "fintechPinLocked")
                        : new FormMessage(CURRENT, "fintechCurrentPinInvalid", result.verdict().attemptsLeft());
            }
            case NOT_CONFIGURED, UNAVAILABLE -> {
                errorEvent.error(Errors.NOT_ALLOWED);
                yield null;
            }
        };
        context.challenge(problem == null ? page(context).setError("fintechPinUnavailable").createForm(PAGE)
                : page(context).addError(problem).createForm(PAGE));
        return false;
    }

    private static boolean sameDigits(String pin, String confirmation) {
        return confirmation != null && MessageDigest.isEqual(
                pin.getBytes(StandardCharsets.US_ASCII), confirmation.getBytes(StandardCharsets.US_ASCII));
    }

    private static FormMessage refused(EventBuilder errorEvent, FailureReason reason, String message) {
        errorEvent.detail(LoginEvents.REASON, reason.detail()).error(Errors.USER_TEMPORARILY_DISABLED);
        return new FormMessage(CURRENT, message);
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
