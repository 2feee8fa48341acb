package com.fintechlogin.keycloak.api;

import java.io.IOException;

import com.fintechlogin.keycloak.api.fault.CallerFault;
import com.fintechlogin.keycloak.api.fault.CallerFaultAnswer;
import com.fintechlogin.keycloak.api.http.RequestBodies;
import com.fintechlogin.keycloak.login.FailureReason;
import com.fintechlogin.keycloak.login.LoginEvents;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.spi.ServerRequestContext;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;

/**
 * One documented login API at one path: it takes the body whatever its media type and answers every request,
 * wrong method included, in the API's own envelope, so that no caller ever sees Keycloak's error pages.
 */
public abstract class ApiEndpoint implements CallerFaultAnswer {

    protected final KeycloakSession session;

    protected ApiEndpoint(KeycloakSession session) {
        this.session = session;
    }

    /** The API's name in events ({@link LoginEvents#API}). */
    protected abstract String apiName();

    /** Answers a POST whose body is at most {@link RequestBodies#MAX_BODY_BYTES}. */
    protected abstract Response login(HttpHeaders headers, byte[] body, EventBuilder event);

    /**
     * The API's answer for a failure, from its code table. {@code field} names the request part at fault when
     * the API's documents tell callers which one (a header or body field); it is {@code null} otherwise.
     */
    protected abstract Response answer(FailureReason reason, String field);

    /**
     * Reads the body from the request context rather than as an entity parameter: for a form-encoded body,
     * Keycloak parses the form first and only the context's stream holds the raw bytes again afterwards.
     */
    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response post(@Context ServerRequestContext request) {
        EventBuilder event = loginEvent();
        byte[] bytes;
        try {
            bytes = RequestBodies.readBounded(request.getInputStream());
        } catch (IOException unreadable) {
            return refuse(event, FailureReason.MALFORMED_REQUEST);
        }
        if (bytes == null) {
            return refuse(event, FailureReason.BODY_TOO_LARGE);
        }
        return login(session.getContext().getRequestHeaders(), bytes, event);
    }

    /** A request that is not a POST was refused for its method before Keycloak failed on it; it still is. */
    @Override
    public Response answerFault(CallerFault fault, boolean record) {
        if (!HttpMethod.POST.equals(session.getContext().getHttpRequest().getHttpMethod())) {
            return answer(FailureReason.WRONG_METHOD, null);
        }
        FailureReason reason = switch (fault) {
            case MALFORMED_BODY -> FailureReason.MALFORMED_REQUEST;
            case BODY_TOO_LARGE -> FailureReason.BODY_TOO_LARGE;
            case UNPARSEABLE_CONTENT_TYPE -> FailureReason.WRONG_CONTENT_TYPE;
        };
        return record ? refuse(loginEvent(), reason) : answer(reason, null);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response get() {
        return answer(FailureReason.WRONG_METHOD, null);
    }

    @PUT
    @Produces(MediaType.APPLICATION_JSON)
    public Response put() {
        return answer(FailureReason.WRONG_METHOD, null);
    }

    @DELETE
    @Produces(MediaType.APPLICATION_JSON)
    public Response delete() {
        return answer(FailureReason.WRONG_METHOD, null);
    }

    @PATCH
    @Produces(MediaType.APPLICATION_JSON)
    public Response patch() {
        return answer(FailureReason.WRONG_METHOD, null);
    }

    /** Records a failure found before any flow ran (the flow records its own) and answers it. */
    protected Response refuse(EventBuilder event, FailureReason reason) {
        return refuse(event, reason, null);
    }

    /** As {@link #refuse(EventBuilder, FailureReason)}, naming the request part at fault. */
    protected Response refuse(EventBuilder event, FailureReason reason, String field) {
        if (field != null) {
            event.detail(LoginEvents.FIELD, field);
        }
        event.detail(LoginEvents.REASON, reason.detail()).error(reason.eventError());
        return answer(reason, field);
    }

    /** {@code LOGIN} for user logins; an API that logs in an app itself says {@code CLIENT_LOGIN}. */
    protected EventType eventType() {
        return EventType.LOGIN;
    }

    private EventBuilder loginEvent() {
        return new EventBuilder(session.getContext().getRealm(), session, session.getContext().getConnection())
                .event(eventType())
                .detail(LoginEvents.API, apiName());
    }
}
