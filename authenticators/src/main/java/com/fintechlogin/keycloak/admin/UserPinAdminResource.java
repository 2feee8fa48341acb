package com.fintechlogin.keycloak.admin;

import java.util.List;

import com.fintechlogin.keycloak.json.Parsed;
import com.fintechlogin.keycloak.keys.PinPepperUnavailableException;
import com.fintechlogin.keycloak.limit.AccountUnlock;
import com.fintechlogin.keycloak.limit.AttemptLimiter;
import com.fintechlogin.keycloak.limit.AttemptStatus;
import com.fintechlogin.keycloak.limit.CredentialKinds;
import com.fintechlogin.keycloak.limit.PinAttempts;
import com.fintechlogin.keycloak.pin.PinCredentialModel;
import com.fintechlogin.keycloak.pin.PinCredentials;
import com.fintechlogin.keycloak.pin.PinSettings;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.spi.ServerRequestContext;
import org.keycloak.credential.CredentialModel;
import org.keycloak.events.Details;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.ErrorResponse;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code /admin/realms/{realm}/fintech/users/{userId}/pin}: a user's PIN and its attempt counter. Viewing needs
 * the admin's view permission on the user, every change their manage permission; a missing permission is
 * Keycloak's own 403. No PIN ever reaches an answer, an admin event or a log line.
 */
public final class UserPinAdminResource {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;
    private final UserModel user;

    UserPinAdminResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth,
            AdminEventBuilder adminEvent, UserModel user) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent.resource(ResourceType.USER);
        this.user = user;
    }

    /** Whether the user has a PIN and where its attempt counter stands. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response status() {
        auth.users().requireView(user);
        AttemptStatus status = new AttemptLimiter(session).status(realm, user, CredentialKinds.PIN, PinAttempts.policy(realm));
        return AdminViews.ok(AdminViews.pinStatus(PinCredentials.hasPin(user), status));
    }

    /**
     * Sets the user's PIN ({@code {"pin": "4821"}}) and lifts the PIN lock. See {@link AdminPinRequest} for what
     * an admin may set. The body is read from the request context, bounded, as the public APIs read theirs.
     */
    @PUT
    @Consumes(MediaType.WILDCARD)
    public Response reset(@Context ServerRequestContext request) {
        auth.users().requireManage(user);
        Parsed<String, String> parsed = AdminPinRequest.parse(AdminBodies.json(session, request), PinSettings.of(realm));
        if (parsed instanceof Parsed.Invalid<String, String> invalid) {
            throw ErrorResponse.error(invalid.problem(), Response.Status.BAD_REQUEST);
        }
        try {
            PinCredentials.set(session, realm, user, ((Parsed.Valid<String, String>) parsed).value());
        } catch (PinPepperUnavailableException noPepper) {
            throw ErrorResponse.error("PINs cannot be set in this realm: its PIN pepper (vault key '" + noPepper.vaultKey()
                    + "') is " + noPepper.problem() + "; see the server log", Response.Status.INTERNAL_SERVER_ERROR);
        }
        new AttemptLimiter(session).unlock(realm, user, CredentialKinds.PIN);
        adminEvent.operation(OperationType.UPDATE)
                .resourcePath("users", user.getId(), "pin")
                .detail(Details.CREDENTIAL_TYPE, PinCredentialModel.TYPE)
                .success();
        return Response.noContent().build();
    }

    /** Removes the user's PIN; its attempt counter starts clean for the next PIN. 404 when the user has none. */
    @DELETE
    public Response remove() {
        auth.users().requireManage(user);
        List<CredentialModel> pins = user.credentialManager().getStoredCredentialsByTypeStream(PinCredentialModel.TYPE).toList();
        if (pins.isEmpty()) {
            throw new NotFoundException("PIN not found");
        }
        pins.forEach(pin -> user.credentialManager().removeStoredCredentialById(pin.getId()));
        new AttemptLimiter(session).unlock(realm, user, CredentialKinds.PIN);
        adminEvent.operation(OperationType.DELETE)
                .resourcePath("users", user.getId(), "pin")
                .detail(Details.CREDENTIAL_TYPE, PinCredentialModel.TYPE)
                .detail(Details.CREDENTIAL_ID, pins.get(0).getId())
                .success();
        return Response.noContent().build();
    }

    /**
     * Lifts every lock failed logins put on the user ({@link AccountUnlock}): PIN, device and password counters,
     * Keycloak's lockout of the user, which the same failures fed, and its permanent lockout. One admin action for a
     * user who cannot log in, whichever credential they got wrong.
     */
    @DELETE
    @Path("lock")
    public Response unlock() {
        auth.users().requireManage(user);
        AccountUnlock.user(session, realm, user);
        adminEvent.operation(OperationType.ACTION)
                .resourcePath("users", user.getId(), "pin", "lock")
                .success();
        return Response.noContent().build();
    }
}
