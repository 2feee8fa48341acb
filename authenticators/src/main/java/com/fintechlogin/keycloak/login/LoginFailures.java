package com.fintechlogin.keycloak.login;

import com.fintechlogin.keycloak.limit.CredentialKinds;
import com.fintechlogin.keycloak.limit.Verdict;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.keycloak.OAuthErrorException;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.models.UserModel;
import org.keycloak.representations.idm.OAuth2ErrorRepresentation;

/**
 * The one way an authenticator of this project ends an attempt in failure: the typed reason goes into an
 * auth note for the adapter, the event gets its reason and error, brute-force detection hears of the attempts
 * that count, and the standard token endpoint gets an OAuth error it can return as is.
 */
public final class LoginFailures {

    /** Auth note holding the {@link FailureReason} of a failed attempt. */
    public static final String REASON_NOTE = "fintech.failure.reason";

    private LoginFailures() {
    }

    public static void fail(AuthenticationFlowContext context, FailureReason reason) {
        fail(context, reason, reason.eventError());
    }

    /**
     * Fails with an event error other than the reason's own: for an answer that deliberately hides the truth
     * from the caller (an unknown user answered as a wrong password) while the event keeps it for admins.
     */
    public static void fail(AuthenticationFlowContext context, FailureReason reason, String eventError) {
        record(context, reason, eventError);
        Response tokenEndpointAnswer = tokenEndpointError(reason);
        if (reason.countsAsFailedAttempt()) {
            context.failure(flowError(reason), tokenEndpointAnswer);
        } else {
            context.forceChallenge(tokenEndpointAnswer);
        }
    }

    /**
     * Fails a wrong credential (password, PIN, device proof) that the exact limiter counted: the attempts left go
     * into the event, and Keycloak's brute-force record hears of it, whatever the credential, so that its lockout
     * view and its unlock stay true ({@link KeycloakBruteForce}). Reported directly rather than through the flow's
     * failure path, which Keycloak counts only for its own credential categories (password, OTP, recovery codes).
     */
    public static void failWrongCredential(AuthenticationFlowContext context, Verdict verdict, String kind) {
        failCounted(context, verdict, FailureReason.INVALID_CREDENTIALS, kind);
    }

    /**
     * Fails a device id that is not registered to the user, counted by the limiter as a wrong device proof: the
     * answer stays "not registered" until the lock, and Keycloak's detector hears of it as of any wrong credential.
     */
    public static void failUnknownDevice(AuthenticationFlowContext context, Verdict verdict) {
        failCounted(context, verdict, FailureReason.DEVICE_NOT_REGISTERED, CredentialKinds.DEVICE);
    }

    private static void failCounted(AuthenticationFlowContext context, Verdict verdict, FailureReason reason, String kind) {
        countWrongCredential(context, context.getUser(), verdict, kind);
        record(context, reason, reason.eventError());
        context.forceChallenge(tokenEndpointError(reason));
    }

    /**
     * What every route does with a wrong credential the limiter counted: attempts left in the event, with the limiter's
     * {@code kind} they count, Keycloak told.
     */
    static void countWrongCredential(AuthenticationFlowContext context, UserModel user, Verdict verdict, String kind) {
        if (verdict.limited()) {
            context.getEvent().detail(LoginEvents.ATTEMPTS_LEFT, Integer.toString(verdict.attemptsLeft()))
                    .detail(LoginEvents.LIMITED_CREDENTIAL, kind);
        }
        KeycloakBruteForce.reportFailure(context.getSession(), context.getRealm(), user, verdict, kind);
    }

    /**
     * Ends a direct-grant credential check the limiter gave a verdict on: locked (unevaluated), wrong, or right —
     * then the user is authenticated with {@code credentialType} at {@code level} and Keycloak's detector hears of
     * the success. The credential's type is the limiter's kind too (pin, password, device).
     */
    public static void conclude(AuthenticationFlowContext context, Verdict verdict, String credentialType,
                                AuthenticationLevel level) {
        switch (verdict.outcome()) {
            case LOCKED -> fail(context, FailureReason.CREDENTIAL_LOCKED);
            case WRONG -> failWrongCredential(context, verdict, credentialType);
            case RIGHT -> {
                KeycloakBruteForce.reportSuccess(context.getSession(), context.getRealm(), context.getUser());
                level.reach(context);
                succeed(context, credentialType);
            }
        }
    }

    /**
     * Ends a step whose credential was right, with the credential type the flow records
     * ({@link KeycloakBruteForce#flowCredentialType}): the API steps through {@link #conclude}, the browser forms
     * directly. The right credential counts as one success of its caller ({@link CallerBudgetGate#rightCredential}).
     */
    public static void succeed(AuthenticationFlowContext context, String credentialType) {
        CallerBudgetGate.rightCredential(context.getSession());
        String recorded = KeycloakBruteForce.flowCredentialType(context.getRealm(), credentialType);
        if (recorded == null) {
            context.success();
        } else {
            context.success(recorded);
        }
    }

    /** The reason an earlier authenticator of this attempt recorded, if any. */
    public static FailureReason recorded(org.keycloak.sessions.AuthenticationSessionModel authSession) {
        return FailureReason.fromDetail(authSession.getAuthNote(REASON_NOTE));
    }

    static void record(AuthenticationFlowContext context, FailureReason reason, String eventError) {
        // Counted where the flow decides it failed, on every way into it (an API, the token endpoint, a browser page).
        CallerBudgetGate.failed(context.getSession(), reason);
        context.getAuthenticationSession().setAuthNote(REASON_NOTE, reason.name());
        if (context.getUser() != null) {
            context.getEvent().user(context.getUser());
        }
        context.getEvent().detail(LoginEvents.REASON, reason.detail()).error(eventError);
    }

    private static AuthenticationFlowError flowError(FailureReason reason) {
        return switch (reason) {
            case UNKNOWN_USER, AMBIGUOUS_USER -> AuthenticationFlowError.INVALID_USER;
            case USER_LOCKED -> AuthenticationFlowError.USER_TEMPORARILY_DISABLED;
            case USER_DISABLED -> AuthenticationFlowError.USER_DISABLED;
            default -> AuthenticationFlowError.INVALID_CREDENTIALS;
        };
    }

    /** Keycloak's own direct-grant answers: no detail beyond "invalid credentials" leaks to the caller. */
    private static Response tokenEndpointError(FailureReason reason) {
        OAuth2ErrorRepresentation error = reason == FailureReason.MALFORMED_REQUEST
                ? new OAuth2ErrorRepresentation(OAuthErrorException.INVALID_REQUEST, "Missing or malformed parameters")
                : new OAuth2ErrorRepresentation(OAuthErrorException.INVALID_GRANT, "Invalid user credentials");
        return Response.status(Response.Status.BAD_REQUEST).entity(error).type(MediaType.APPLICATION_JSON_TYPE).build();
    }
}
