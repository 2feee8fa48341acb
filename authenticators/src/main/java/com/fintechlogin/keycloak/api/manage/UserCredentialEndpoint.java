package com.fintechlogin.keycloak.api.manage;

import java.io.IOException;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fintechlogin.keycloak.api.fault.CallerFault;
import com.fintechlogin.keycloak.api.fault.CallerFaultAnswer;
import com.fintechlogin.keycloak.api.http.LenientJson;
import com.fintechlogin.keycloak.api.http.RequestBodies;
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
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * One endpoint where signed-in users manage a credential of their own with their access token. Not an
 * {@link com.fintechlogin.keycloak.api.ApiEndpoint}: that one is a login, with LOGIN events and the login's
 * failure vocabulary; here every attempt is an {@code UPDATE_CREDENTIAL} (or {@code UPDATE_CREDENTIAL_ERROR})
 * event carrying {@code credential_type}, and failures are {@link ManageFailure}s. Every answer, wrong method
 * included, is in seed 001's envelope.
 *
 * <p>The caller is authenticated before the body is looked at, so that a caller without a token learns nothing
 * about what the endpoint accepts.
 */
public abstract class UserCredentialEndpoint implements CallerFaultAnswer {

    protected final KeycloakSession session;

    protected UserCredentialEndpoint(KeycloakSession session) {
        this.session = session;
    }

    /** The endpoint's name in events ({@link LoginEvents#API}). */
    protected abstract String apiName();

    /** The credential type the endpoint changes, for the {@code credential_type} event detail. */
    protected abstract String credentialType();

    /**
     * Acts for {@code user} on a body that is one JSON object; ends {@code event} with success or
     * {@link #refuse}.
     */
    protected abstract Response apply(RealmModel realm, UserModel user, ObjectNode body, EventBuilder event);

    /**
     * Reads the body from the request context rather than as an entity parameter: for a form-encoded body,
     * Keycloak parses the form first and only the context's stream holds the raw bytes again afterwards.
     */
    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response post(@Context ServerRequestContext request) {
        RealmModel realm = session.getContext().getRealm();
        EventBuilder event = credentialEvent(realm);
        UserBearerToken.Outcome outcome = new UserBearerToken(session).authenticate(realm);
        if (outcome instanceof UserBearerToken.Refused refused) {
            return refuse(event, refused.failure());
        }
        UserBearerToken.Caller caller = (UserBearerToken.Caller) outcome;
        event.user(caller.user()).client(caller.client()).session(caller.sessionId());

        HttpHeaders headers = session.getContext().getRequestHeaders();
        if (!RequestBodies.mayCarryJson(RequestBodies.contentType(headers))) {
            return refuse(event, ManageFailure.WRONG_CONTENT_TYPE);
        }
        byte[] bytes;
        try {
            bytes = RequestBodies.readBounded(request.getInputStream());
        } catch (IOException unreadable) {
            return refuse(event, ManageFailure.MALFORMED_REQUEST);
        }
        if (bytes == null) {
            return refuse(event, ManageFailure.BODY_TOO_LARGE);
        }
        ObjectNode body = LenientJson.parseObject(bytes);
        if (body == null) {
            return refuse(event, ManageFailure.MALFORMED_REQUEST);
        }
        return apply(realm, caller.user(), body, event);
    }

    /** As {@link #post}: a caller without a valid token hears only that, whatever else is wrong with the request. */
    @Override
    public Response answerFault(CallerFault fault, boolean record) {
        if (!HttpMethod.POST.equals(session.getContext().getHttpRequest().getHttpMethod())) {
            return ManageAnswers.failure(ManageFailure.WRONG_METHOD);
        }
        RealmModel realm = session.getContext().getRealm();
        EventBuilder event = credentialEvent(realm);
        UserBearerToken.Outcome outcome = new UserBearerToken(session).authenticate(realm);
        ManageFailure failure;
        if (outcome instanceof UserBearerToken.Refused refused) {
            failure = refused.failure();
        } else {
            UserBearerToken.Caller caller = (UserBearerToken.Caller) outcome;
            event.user(caller.user()).client(caller.client()).session(caller.sessionId());
            failure = switch (fault) {
                case MALFORMED_BODY -> ManageFailure.MALFORMED_REQUEST;
                case BODY_TOO_LARGE -> ManageFailure.BODY_TOO_LARGE;
                case UNPARSEABLE_CONTENT_TYPE -> ManageFailure.WRONG_CONTENT_TYPE;
            };
        }
        return record ? refuse(event, failure) : ManageAnswers.failure(failure);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response get() {
        return ManageAnswers.failure(ManageFailure.WRONG_METHOD);
    }

    @PUT
    @Produces(MediaType.APPLICATION_JSON)
    public Response put() {
        return ManageAnswers.failure(ManageFailure.WRONG_METHOD);
    }

    @DELETE
    @Produces(MediaType.APPLICATION_JSON)
    public Response delete() {
        return ManageAnswers.failure(ManageFailure.WRONG_METHOD);
    }

    @PATCH
    @Produces(MediaType.APPLICATION_JSON)
    public Response patch() {
        return ManageAnswers.failure(ManageFailure.WRONG_METHOD);
    }

    private EventBuilder credentialEvent(RealmModel realm) {
        return new EventBuilder(realm, session, session.getContext().getConnection())
                .event(EventType.UPDATE_CREDENTIAL)
                .detail(Details.CREDENTIAL_TYPE, credentialType())
                .detail(LoginEvents.API, apiName());
    }

    /** Records the failure (stored at once, whatever happens to the request's transaction) and answers it. */
    protected static Response refuse(EventBuilder event, ManageFailure failure) {
        event.detail(LoginEvents.REASON, failure.detail()).error(failure.eventError());
        return ManageAnswers.failure(failure);
    }
}
