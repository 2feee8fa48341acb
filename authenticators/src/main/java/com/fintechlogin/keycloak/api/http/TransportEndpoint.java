package com.fintechlogin.keycloak.api.http;

import java.io.IOException;
import java.util.function.Function;

import com.fintechlogin.keycloak.api.fault.CallerFault;
import com.fintechlogin.keycloak.api.fault.CallerFaultAnswer;
import com.fintechlogin.keycloak.login.LoginEvents;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.spi.ServerRequestContext;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;

/**
 * The HTTP transport of an endpoint that takes a JSON body by POST (and, where it says so, by DELETE), written once
 * for the logins and the credential endpoints: bounded reading of the body, the media-type check, the answer to
 * every other method, and the answer to a request Keycloak's HTTP layer failed on ({@link CallerFault}), all in the
 * API's own envelope, so that no caller ever sees Keycloak's error pages.
 *
 * <p>Each subclass declares its own {@code @POST}, since what it checks before the body differs (a login reads the
 * body first; a credential change checks the caller first). The other methods' handlers are {@code final} here:
 * JAX-RS annotations of a superclass method are lost when a subclass overrides it, so a subclass says what it takes
 * through {@link #takesDelete()} and {@link #takeDelete} instead.
 *
 * @param <F> the API's failures: the event's reason and the answer's code
 */
public abstract class TransportEndpoint<F> implements CallerFaultAnswer {

    protected final KeycloakSession session;
    private final String apiName;

    /** {@code apiName}: the endpoint's name in events ({@link LoginEvents#API}). */
    protected TransportEndpoint(KeycloakSession session, String apiName) {
        this.session = session;
        this.apiName = apiName;
    }

    /** The event of a request the endpoint takes: a POST, or a DELETE ({@code delete}) where {@link #takesDelete()}. */
    protected abstract EventBuilder event(boolean delete);

    /** The API's failure for a fault of the request's transport, whether Keycloak's HTTP layer found it or this class. */
    protected abstract F failureOf(CallerFault fault);

    /** The API's answer to {@code failure}, recorded nowhere. */
    protected abstract Response answer(F failure);

    /** Records {@code failure} on {@code event} and answers it. */
    protected abstract Response refuse(EventBuilder event, F failure);

    /** The answer to a method the endpoint does not take. */
    protected abstract Response wrongMethod();

    /** Whether the endpoint takes DELETE ({@link #takeDelete}); otherwise DELETE is a wrong method. */
    protected boolean takesDelete() {
        return false;
    }

    /** Answers a DELETE, when {@link #takesDelete()}. */
    protected Response takeDelete(ServerRequestContext request) {
        return wrongMethod();
    }

    /**
     * The answer to a fault of a request the endpoint takes, before its own checks saw the body; with {@code record},
     * also its event. An endpoint that refuses some callers whatever their body says (the credential endpoints)
     * answers that instead.
     */
    protected Response answerFault(F failure, boolean record, boolean delete) {
        return record ? refuse(event(delete), failure) : answer(failure);
    }

    /** A request of a method the endpoint does not take was refused for its method before Keycloak failed on it; it still is. */
    @Override
    public final Response answerFault(CallerFault fault, boolean record) {
        String method = session.getContext().getHttpRequest().getHttpMethod();
        boolean delete = HttpMethod.DELETE.equals(method) && takesDelete();
        if (!HttpMethod.POST.equals(method) && !delete) {
            return wrongMethod();
        }
        return answerFault(failureOf(fault), record, delete);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public final Response get() {
        return wrongMethod();
    }

    @PUT
    @Produces(MediaType.APPLICATION_JSON)
    public final Response put() {
        return wrongMethod();
    }

    @PATCH
    @Produces(MediaType.APPLICATION_JSON)
    public final Response patch() {
        return wrongMethod();
    }

    @DELETE
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public final Response delete(@Context ServerRequestContext request) {
        return takesDelete() ? takeDelete(request) : wrongMethod();
    }

    /**
     * Reads the body from the request context rather than as an entity parameter (for a form-encoded body, Keycloak
     * parses the form first and only the context's stream holds the raw bytes again afterwards), and hands it to
     * {@code then}; refuses one that cannot be read or is over {@link RequestBodies#MAX_BODY_BYTES}.
     */
    protected final Response withBody(ServerRequestContext request, EventBuilder event, Function<byte[], Response> then) {
        byte[] bytes;
        try {
            bytes = RequestBodies.readBounded(request.getInputStream());
        } catch (IOException unreadable) {
            return refuse(event, failureOf(CallerFault.MALFORMED_BODY));
        }
        if (bytes == null) {
            return refuse(event, failureOf(CallerFault.BODY_TOO_LARGE));
        }
        return then.apply(bytes);
    }

    /** Whether the request's media type may carry a JSON body ({@link RequestBodies#mayCarryJson}). */
    protected final boolean mayCarryJson() {
        return RequestBodies.mayCarryJson(RequestBodies.contentType(session.getContext().getRequestHeaders()));
    }

    /** A new event of {@code type}, naming the API. */
    protected final EventBuilder newEvent(EventType type) {
        return new EventBuilder(session.getContext().getRealm(), session, session.getContext().getConnection())
                .event(type)
                .detail(LoginEvents.API, apiName);
    }
}
