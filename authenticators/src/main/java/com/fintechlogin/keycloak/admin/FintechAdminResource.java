package com.fintechlogin.keycloak.admin;

import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code /admin/realms/{realm}/fintech}: a user's PIN and registered devices, the realm's settings and a client's.
 * Keycloak has authenticated the admin before this runs; each method checks the admin's permission on the user, the
 * realm or the client.
 */
public final class FintechAdminResource {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;

    FintechAdminResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent;
    }

    @Path("settings")
    public RealmSettingsAdminResource settings() {
        return new RealmSettingsAdminResource(session, realm, auth, adminEvent);
    }

    @Path("clients/{clientUuid}/settings")
    public ClientSettingsAdminResource clientSettings(@PathParam("clientUuid") String clientUuid) {
        return new ClientSettingsAdminResource(session, realm, auth, adminEvent, client(clientUuid));
    }

    @Path("users/{userId}/pin")
    public UserPinAdminResource pin(@PathParam("userId") String userId) {
        return new UserPinAdminResource(session, realm, auth, adminEvent, user(userId));
    }

    @Path("users/{userId}/devices")
    public UserDevicesAdminResource devices(@PathParam("userId") String userId) {
        return new UserDevicesAdminResource(session, realm, auth, adminEvent, user(userId));
    }

    /**
     * The client by its id (not its client id), or what Keycloak's own {@code /clients/{id}} answers when there is
     * none: 404 to an admin who may list clients, 403 to one who may not, so that client ids cannot be probed.
     */
    private ClientModel client(String clientUuid) {
        ClientModel client = realm.getClientById(clientUuid);
        if (client == null) {
            if (auth.clients().canList()) {
                throw new NotFoundException("Could not find client");
            }
            throw new ForbiddenException();
        }
        return client;
    }

    /**
     * The user, or what Keycloak's own {@code /users/{id}} answers when there is none: 404 to an admin who may
     * query users, 403 to one who may not, so that user ids cannot be probed.
     */
    private UserModel user(String userId) {
        UserModel user = session.users().getUserById(realm, userId);
        if (user == null) {
            if (auth.users().canQuery()) {
                throw new NotFoundException("User not found");
            }
            throw new ForbiddenException();
        }
        return user;
    }
}
