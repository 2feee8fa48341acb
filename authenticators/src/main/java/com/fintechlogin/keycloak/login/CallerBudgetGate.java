package com.fintechlogin.keycloak.login;

import com.fintechlogin.keycloak.limit.CallerBudgets;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.keycloak.OAuthErrorException;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.KeycloakSession;
import org.keycloak.representations.idm.OAuth2ErrorRepresentation;

/**
 * Where the steps of this project meet the caller budgets ({@link CallerBudgets}): in the flow, so that every way into
 * it pays — the APIs, Keycloak's token endpoint on their clients, and the browser pages bound to its flows. A step that
 * looks up a user or evaluates a credential asks first; the first to ask in a request reads the budgets, the others
 * find its answer. A failure is counted where it is recorded ({@link LoginFailures#record}), and the outcome of an
 * API's login settles the rest ({@link LoginService}).
 */
public final class CallerBudgetGate {

    private CallerBudgetGate() {
    }

    /**
     * The refusal of the caller of this attempt, by its source address or by the client the flow runs for; null when
     * admitted. Reads nothing of the request.
     */
    public static CallerBudgets.Refusal admit(AuthenticationFlowContext context) {
        return CallerBudgets.of(context.getSession()).admitClient(context.getConnection().getRemoteAddr(),
                context.getAuthenticationSession().getClient().getId());
    }

    /**
     * For a direct-grant step: whether the caller is over budget, and then the attempt is refused unevaluated — the
     * reason for the API around the flow, and for Keycloak's token endpoint HTTP 429 with {@code Retry-After} and an
     * OAuth error of its usual shape.
     */
    public static boolean refused(AuthenticationFlowContext context) {
        CallerBudgets.Refusal refusal = admit(context);
        if (refusal == null) {
            return false;
        }
        record(context, refusal);
        context.forceChallenge(tokenEndpointAnswer(refusal));
        return true;
    }

    /**
     * Records a refusal: the reason for the API around the flow (auth note), the event's reason and budget, and the
     * event itself only for the caller's first refusal in its window, so that a refused caller writes one event per
     * window rather than one per request.
     */
    public static void record(AuthenticationFlowContext context, CallerBudgets.Refusal refusal) {
        context.getAuthenticationSession().setAuthNote(LoginFailures.REASON_NOTE, FailureReason.CALLER_OVER_BUDGET.name());
        EventBuilder event = context.getEvent()
                .detail(LoginEvents.REASON, FailureReason.CALLER_OVER_BUDGET.detail())
                .detail(LoginEvents.BUDGET, refusal.by().detail())
                .detail(LoginEvents.BUDGET_KIND, refusal.kind().detail());
        if (refusal.firstInWindow()) {
            event.error(refusal.kind().eventError());
        }
    }

    /**
     * What the failure of an attempt does to its caller's budgets: a failure its caller answers for is counted; a
     * realm that lacks what the API needs is the admin's, and gives a reservation back; a refusal by a budget changes
     * nothing.
     */
    public static void failed(KeycloakSession session, FailureReason reason) {
        switch (reason) {
            case CALLER_OVER_BUDGET -> {
                // Nothing was evaluated.
            }
            case NOT_CONFIGURED -> CallerBudgets.of(session).succeeded();
            default -> CallerBudgets.of(session).failed();
        }
    }

    /** A login succeeded: a reservation its caller holds goes back. */
    public static void succeeded(KeycloakSession session) {
        CallerBudgets.of(session).succeeded();
    }

    /**
     * A step of this project found a credential right: one success of the caller the budgets admitted, counted in this
     * request, which checked it (a login that completes in a later request, after a required action or a second factor,
     * would otherwise never be counted). Nothing for a request that never asked the budgets.
     */
    public static void rightCredential(KeycloakSession session) {
        CallerBudgets budgets = CallerBudgets.asked(session);
        if (budgets != null) {
            budgets.rightCredential();
        }
    }

    /**
     * HTTP 429 with {@code Retry-After}: an OAuth client reads it as "later", where Keycloak's usual 400
     * {@code invalid_grant} would tell an app that its user typed a wrong password (the user would try again, and fail
     * again) and a 401 {@code invalid_client} that the app's own credentials are wrong. The body keeps the token
     * endpoint's error shape; {@code temporarily_unavailable} is OAuth's error for a server that cannot serve the request
     * for now.
     */
    static Response tokenEndpointAnswer(CallerBudgets.Refusal refusal) {
        OAuth2ErrorRepresentation error = new OAuth2ErrorRepresentation(OAuthErrorException.TEMPORARILY_UNAVAILABLE,
                "Too many login attempts from this caller; retry after " + refusal.retryAfterSeconds() + " seconds");
        return Response.status(Response.Status.TOO_MANY_REQUESTS).entity(error).type(MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(refusal.retryAfterSeconds())).build();
    }
}
