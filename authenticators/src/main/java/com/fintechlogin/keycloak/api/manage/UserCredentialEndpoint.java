package com.fintechlogin.keycloak.api.manage;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fintechlogin.keycloak.api.fault.CallerFault;
import com.fintechlogin.keycloak.api.http.TransportEndpoint;
import com.fintechlogin.keycloak.json.LenientJson;
import com.fintechlogin.keycloak.login.LoginEvents;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
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
 * {@link com.fintechlogin.keycloak.api.http.ApiEndpoint}: that one is a login, with LOGIN events and the login's
 * failure vocabulary; here every attempt is an {@code UPDATE_CREDENTIAL} (or, for a removal, a
 * {@code REMOVE_CREDENTIAL}) event, or its {@code _ERROR}, carrying {@code credential_type}, and failures are
 * {@link ManageFailure}s. Every answer, wrong method included, is in the PIN/device login's envelope ({@link TransportEndpoint}).
 *
 * <p>Who may change a credential: a live token of the user is not enough, since an app's secret is public and some
 * logins (mobile sign-in) prove nothing about the user. The token must come from a client the realm trusts with
 * credential changes, from a login of at least password strength, made recently ({@link CredentialChangeRules}).
 * All of it is checked before the body is looked at, so that a caller who may not change anything learns nothing
 * about what the endpoint accepts.
 */
public abstract class UserCredentialEndpoint extends TransportEndpoint<ManageFailure> {

    private final String credentialType;

    /**
     * {@code apiName}: the endpoint's name in events; {@code credentialType}: the credential type it changes, for the
     * {@code credential_type} event detail.
     */
    protected UserCredentialEndpoint(KeycloakSession session, String apiName, String credentialType) {
        super(session, apiName);
        this.credentialType = credentialType;
    }

    /**
     * Acts for the caller on a POST body that is one JSON object; ends {@code event} with success or
     * {@link #refuse}.
     */
    protected abstract Response apply(RealmModel realm, UserBearerToken.Caller caller, ObjectNode body, EventBuilder event);

    /** Acts for the caller on a DELETE body that is one JSON object, when {@link #takesDelete()}. */
    protected Response remove(RealmModel realm, UserBearerToken.Caller caller, ObjectNode body, EventBuilder event) {
        return wrongMethod();
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response post(@Context ServerRequestContext request) {
        return handle(request, false);
    }

    @Override
    protected final Response takeDelete(ServerRequestContext request) {
        return handle(request, true);
    }

    private Response handle(ServerRequestContext request, boolean removal) {
        RealmModel realm = session.getContext().getRealm();
        EventBuilder event = event(removal);
        UserBearerToken.Outcome outcome = new UserBearerToken(session).authenticate(realm);
        ManageFailure refused = callerRefusal(realm, outcome, event);
        if (refused != null) {
            return refuse(event, refused);
        }
        UserBearerToken.Caller caller = (UserBearerToken.Caller) outcome;

        if (!mayCarryJson()) {
            return refuse(event, ManageFailure.WRONG_CONTENT_TYPE);
        }
        return withBody(request, event, bytes -> {
            ObjectNode body = LenientJson.parseObject(bytes);
            if (body == null) {
                return refuse(event, ManageFailure.MALFORMED_REQUEST);
            }
            return removal ? remove(realm, caller, body, event) : apply(realm, caller, body, event);
        });
    }

    /**
     * What the caller is refused whatever the request says (a token that is not a live one of a trusted client, or
     * a login too weak or too old), naming the caller on {@code event}; {@code null} when the caller may go on.
     */
    private ManageFailure callerRefusal(RealmModel realm, UserBearerToken.Outcome outcome, EventBuilder event) {
        if (outcome instanceof UserBearerToken.Refused refused) {
            return refused.failure();
        }
        UserBearerToken.Caller caller = (UserBearerToken.Caller) outcome;
        event.user(caller.user()).client(caller.client()).session(caller.sessionId());
        return caller.strengthRefusal(CredentialChangeRules.of(realm), Time.currentTime());
    }

    /** As {@link #post}: a caller who may not change credentials hears only that, whatever else is wrong with the request. */
    @Override
    protected Response answerFault(ManageFailure failure, boolean record, boolean delete) {
        RealmModel realm = session.getContext().getRealm();
        EventBuilder event = event(delete);
        ManageFailure refused = callerRefusal(realm, new UserBearerToken(session).authenticate(realm), event);
        ManageFailure answered = refused != null ? refused : failure;
        return record ? refuse(event, answered) : answer(answered);
    }

    @Override
    protected final EventBuilder event(boolean delete) {
        return newEvent(delete ? EventType.REMOVE_CREDENTIAL : EventType.UPDATE_CREDENTIAL)
                .detail(Details.CREDENTIAL_TYPE, credentialType);
    }

    @Override
    protected final ManageFailure failureOf(CallerFault fault) {
        return switch (fault) {
            case MALFORMED_BODY -> ManageFailure.MALFORMED_REQUEST;
            case BODY_TOO_LARGE -> ManageFailure.BODY_TOO_LARGE;
            case UNPARSEABLE_CONTENT_TYPE -> ManageFailure.WRONG_CONTENT_TYPE;
        };
    }

    /** Records the failure (stored at once, whatever happens to the request's transaction) and answers it. */
    @Override
    protected final Response refuse(EventBuilder event, ManageFailure failure) {
        event.detail(LoginEvents.REASON, failure.detail()).error(failure.eventError());
        return answer(failure);
    }

    @Override
    protected final Response answer(ManageFailure failure) {
        int maxAge = failure == ManageFailure.AUTHENTICATION_TOO_OLD
                ? CredentialChangeRules.of(session.getContext().getRealm()).maxAgeSeconds()
                : CredentialChangeRules.DEFAULT_MAX_AGE_SECONDS;
        return ManageAnswers.failure(failure, allowedMethods(), maxAge);
    }

    @Override
    protected final Response wrongMethod() {
        return answer(ManageFailure.WRONG_METHOD);
    }

    /** The {@code Allow} header of a wrong method's answer. */
    final String allowedMethods() {
        return takesDelete() ? "POST, DELETE" : "POST";
    }
}
