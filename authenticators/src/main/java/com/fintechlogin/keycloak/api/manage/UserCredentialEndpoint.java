package com.fintechlogin.keycloak.api.manage;

import java.io.IOException;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fintechlogin.keycloak.api.fault.CallerFault;
import com.fintechlogin.keycloak.api.fault.CallerFaultAnswer;
import com.fintechlogin.keycloak.api.http.RequestBodies;
import com.fintechlogin.keycloak.json.LenientJson;
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
import org.keycloak.common.util.Time;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * One endpoint where signed-in users manage a credential of their own with their access token. Not an
 * {@link com.fintechlogin.keycloak.api.ApiEndpoint}: that one is a login, with LOGIN events and the login's
 * failure vocabulary; here every attempt is an {@code UPDATE_CREDENTIAL} (or, for a removal, a
 * {@code REMOVE_CREDENTIAL}) event, or its {@code _ERROR}, carrying {@code credential_type}, and failures are
 * {@link ManageFailure}s. Every answer, wrong method included, is in the PIN/device login's envelope.
 *
 * <p>Who may change a credential: a live token of the user is not enough, since an app's secret is public and some
 * logins (mobile sign-in) prove nothing about the user. The token must come from a client the realm trusts with
 * credential changes, from a login of at least password strength, made recently ({@link CredentialChangeRules}).
 * All of it is checked before the body is looked at, so that a caller who may not change anything learns nothing
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
     * Acts for the caller on a POST body that is one JSON object; ends {@code event} with success or
     * {@link #refuse}.
     */
    protected abstract Response apply(RealmModel realm, UserBearerToken.Caller caller, ObjectNode body, EventBuilder event);

    /** Whether the endpoint takes DELETE ({@link #remove}); otherwise DELETE is a wrong method. */
    protected boolean removable() {
        return false;
    }

    /** Acts for the caller on a DELETE body that is one JSON object, when {@link #removable()}. */
    protected Response remove(RealmModel realm, UserBearerToken.Caller caller, ObjectNode body, EventBuilder event) {
        return answer(ManageFailure.WRONG_METHOD);
    }

    /**
     * Reads the body from the request context rather than as an entity parameter: for a form-encoded body,
     * Keycloak parses the form first and only the context's stream holds the raw bytes again afterwards.
     */
    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response post(@Context ServerRequestContext request) {
        return handle(request, EventType.UPDATE_CREDENTIAL, false);
    }

    @DELETE
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response delete(@Context ServerRequestContext request) {
        if (!removable()) {
            return answer(ManageFailure.WRONG_METHOD);
        }
        return handle(request, EventType.REMOVE_CREDENTIAL, true);
    }

    private Response handle(ServerRequestContext request, EventType type, boolean removal) {
        RealmModel realm = session.getContext().getRealm();
        EventBuilder event = credentialEvent(realm, type);
        UserBearerToken.Outcome outcome = new UserBearerToken(session).authenticate(realm);
        if (outcome instanceof UserBearerToken.Refused refused) {
            return refuse(event, refused.failure());
        }
        UserBearerToken.Caller caller = (UserBearerToken.Caller) outcome;
        event.user(caller.user()).client(caller.client()).session(caller.sessionId());
        ManageFailure tooWeak = caller.strengthRefusal(CredentialChangeRules.of(realm), Time.currentTime());
        if (tooWeak != null) {
            return refuse(event, tooWeak);
        }

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
        return removal ? remove(realm, caller, body, event) : apply(realm, caller, body, event);
    }

    /** As {@link #post}: a caller who may not change credentials hears only that, whatever else is wrong with the request. */
    @Override
    public Response answerFault(CallerFault fault, boolean record) {
        String method = session.getContext().getHttpRequest().getHttpMethod();
        boolean removal = HttpMethod.DELETE.equals(method) && removable();
        if (!HttpMethod.POST.equals(method) && !removal) {
            return answer(ManageFailure.WRONG_METHOD);
        }
        RealmModel realm = session.getContext().getRealm();
        EventBuilder event = credentialEvent(realm, removal ? EventType.REMOVE_CREDENTIAL : EventType.UPDATE_CREDENTIAL);
        UserBearerToken.Outcome outcome = new UserBearerToken(session).authenticate(realm);
        ManageFailure failure;
        if (outcome instanceof UserBearerToken.Refused refused) {
            failure = refused.failure();
        } else {
            UserBearerToken.Caller caller = (UserBearerToken.Caller) outcome;
            event.user(caller.user()).client(caller.client()).session(caller.sessionId());
            ManageFailure tooWeak = caller.strengthRefusal(CredentialChangeRules.of(realm), Time.currentTime());
            failure = tooWeak != null ? tooWeak : switch (fault) {
                case MALFORMED_BODY -> ManageFailure.MALFORMED_REQUEST;
                case BODY_TOO_LARGE -> ManageFailure.BODY_TOO_LARGE;
                case UNPARSEABLE_CONTENT_TYPE -> ManageFailure.WRONG_CONTENT_TYPE;
            };
        }
        return record ? refuse(event, failure) : answer(failure);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response get() {
        return answer(ManageFailure.WRONG_METHOD);
    }

    @PUT
    @Produces(MediaType.APPLICATION_JSON)
    public Response put() {
        return answer(ManageFailure.WRONG_METHOD);
    }

    @PATCH
    @Produces(MediaType.APPLICATION_JSON)
    public Response patch() {
        return answer(ManageFailure.WRONG_METHOD);
    }

    private EventBuilder credentialEvent(RealmModel realm, EventType type) {
        return new EventBuilder(realm, session, session.getContext().getConnection())
                .event(type)
                .detail(Details.CREDENTIAL_TYPE, credentialType())
                .detail(LoginEvents.API, apiName());
    }

    /** Records the failure (stored at once, whatever happens to the request's transaction) and answers it. */
    protected final Response refuse(EventBuilder event, ManageFailure failure) {
        event.detail(LoginEvents.REASON, failure.detail()).error(failure.eventError());
        return answer(failure);
    }

    private Response answer(ManageFailure failure) {
        int maxAge = failure == ManageFailure.AUTHENTICATION_TOO_OLD
                ? CredentialChangeRules.of(session.getContext().getRealm()).maxAgeSeconds()
                : CredentialChangeRules.DEFAULT_MAX_AGE_SECONDS;
        return ManageAnswers.failure(failure, allowedMethods(), maxAge);
    }

    /** The {@code Allow} header of a wrong method's answer. */
    final String allowedMethods() {
        return removable() ? "POST, DELETE" : "POST";
    }
}
