package com.fintechlogin.keycloak.api.http;

import com.fintechlogin.keycloak.api.fault.CallerFault;
import com.fintechlogin.keycloak.app.AppTokenVerifier;
import com.fintechlogin.keycloak.limit.CallerBudgets;
import com.fintechlogin.keycloak.login.CallerBudgetGate;
import com.fintechlogin.keycloak.login.DirectGrantFlows;
import com.fintechlogin.keycloak.login.FailureReason;
import com.fintechlogin.keycloak.login.LoginEvents;
import com.fintechlogin.keycloak.metrics.LoginTiming;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.spi.ServerRequestContext;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * One documented login API at one path: it takes the body whatever its media type and answers every request,
 * wrong method included, in the API's own envelope ({@link TransportEndpoint}).
 */
public abstract class ApiEndpoint extends TransportEndpoint<FailureReason> {

    /** {@code apiName}: the API's name in events. */
    protected ApiEndpoint(KeycloakSession session, String apiName) {
        super(session, apiName);
    }

    /**
     * Answers a POST whose body is at most {@link RequestBodies#MAX_BODY_BYTES} and, where {@link #readsBody()},
     * comes under a media type that may carry JSON.
     */
    protected abstract Response login(HttpHeaders headers, byte[] body, EventBuilder event);

    /**
     * The API's answer for a failure, from its code table. {@code field} names the request part at fault when
     * the API's documents tell callers which one (a header or body field); it is {@code null} otherwise.
     */
    protected abstract Response answer(FailureReason reason, String field);

    /** Whether the API reads the body; one that ignores it takes any media type. */
    protected boolean readsBody() {
        return true;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response post(@Context ServerRequestContext request) {
        long started = System.nanoTime();
        EventBuilder event = event(false);
        // Before anything of the request is read: an address over its failure budget costs no parsing, no lookup, no
        // hash. Its address as Keycloak sees it: the proxy-headers option decides whether a proxy's header counts. The
        // client's budget is asked in the flow, once the API has authenticated the client.
        CallerBudgets budgets = CallerBudgets.of(session);
        CallerBudgets.Refusal refused = budgets.admitAddress(session.getContext().getConnection().getRemoteAddr());
        Response answer = refused != null ? overBudget(event, refused)
                : withBody(request, event, body -> readsBody() && !mayCarryJson()
                        ? refuse(event, FailureReason.WRONG_CONTENT_TYPE)
                        : login(session.getContext().getRequestHeaders(), body, event));
        if (budgets.refusal() != null) {
            // By the address here, or by the address or client in the flow: either way the API's 429, and when to retry.
            answer = CodeTables.withRetryAfter(answer, budgets.refusal().retryAfterSeconds());
        }
        // The login's latency, under the tags of the event that says how it ended (metrics/).
        LoginTiming.answered(session, event.getEvent(), started);
        return answer;
    }

    /**
     * The answer to an address over its budget: the API's 429; the event is recorded for the address's first refusal
     * in its window only, so that a refused caller writes one event per window rather than one per request.
     */
    private Response overBudget(EventBuilder event, CallerBudgets.Refusal refusal) {
        // Nothing was evaluated: no failure to count, unlike refuse().
        event.detail(LoginEvents.BUDGET, refusal.by().detail()).detail(LoginEvents.BUDGET_KIND, refusal.kind().detail())
                .detail(LoginEvents.REASON, FailureReason.CALLER_OVER_BUDGET.detail());
        if (refusal.firstInWindow()) {
            event.error(refusal.kind().eventError());
        }
        return answer(FailureReason.CALLER_OVER_BUDGET, null);
    }

    /** Records a failure found before any flow ran (the flow records its own) and answers it. */
    @Override
    protected Response refuse(EventBuilder event, FailureReason reason) {
        return refuse(event, reason, null);
    }

    /** As {@link #refuse(EventBuilder, FailureReason)}, naming the request part at fault. */
    protected Response refuse(EventBuilder event, FailureReason reason, String field) {
        if (field != null) {
            event.detail(LoginEvents.FIELD, field);
        }
        // Found before the flow: the caller's address pays for it as for a failure in the flow.
        CallerBudgetGate.failed(session, reason);
        event.detail(LoginEvents.REASON, reason.detail()).error(reason.eventError());
        return answer(reason, field);
    }

    /**
     * The realm's enabled client {@code clientId}, which the realm attribute {@code attribute} names for the API;
     * {@code null}, with a warning for the admin, when there is none. {@code api} names the API in the warning.
     */
    protected final ClientModel configuredClient(RealmModel realm, String clientId, String api, String attribute) {
        ClientModel client = enabledClient(realm, clientId);
        if (client == null) {
            Logger.getLogger(getClass()).warnf("Realm '%s': %s needs an enabled client '%s' (realm attribute %s)",
                    realm.getName(), api, clientId, attribute);
        }
        return client;
    }

    /**
     * Why the app {@code client} may not log a user in on its own word (its app token, {@code appToken}) through its
     * direct-grant flow, which must have {@code step}: {@code CLIENT_REFUSED} for a missing or disabled client or a
     * flow without the step (with a warning for the admin; {@code api} names the API in it), {@code INVALID_APP_TOKEN}
     * for a token that is not the client's app token; {@code null} when it may.
     */
    protected final FailureReason appRefusal(RealmModel realm, ClientModel client, String appToken, String step, String api) {
        if (client == null) {
            return FailureReason.CLIENT_REFUSED;
        }
        if (!new AppTokenVerifier(session).isAppTokenOf(client, appToken)) {
            return FailureReason.INVALID_APP_TOKEN;
        }
        if (!DirectGrantFlows.hasStep(realm, client, step)) {
            Logger.getLogger(getClass()).warnf("Realm '%s': client '%s' called %s, but its direct-grant flow has no '%s' step",
                    realm.getName(), client.getClientId(), api, step);
            return FailureReason.CLIENT_REFUSED;
        }
        return null;
    }

    /** The realm's client {@code clientId} if it is enabled; {@code null} when it is missing or disabled. */
    protected static ClientModel enabledClient(RealmModel realm, String clientId) {
        ClientModel client = realm.getClientByClientId(clientId);
        return client == null || !client.isEnabled() ? null : client;
    }

    /** {@code LOGIN} for user logins; an API that logs in an app itself says {@code CLIENT_LOGIN}. */
    protected EventType eventType() {
        return EventType.LOGIN;
    }

    /** A login takes only POST. */
    @Override
    protected final EventBuilder event(boolean delete) {
        return newEvent(eventType());
    }

    @Override
    protected final FailureReason failureOf(CallerFault fault) {
        return switch (fault) {
            case MALFORMED_BODY -> FailureReason.MALFORMED_REQUEST;
            case BODY_TOO_LARGE -> FailureReason.BODY_TOO_LARGE;
            case UNPARSEABLE_CONTENT_TYPE -> FailureReason.WRONG_CONTENT_TYPE;
        };
    }

    @Override
    protected final Response answer(FailureReason reason) {
        return answer(reason, null);
    }

    @Override
    protected final Response wrongMethod() {
        return answer(FailureReason.WRONG_METHOD, null);
    }
}
