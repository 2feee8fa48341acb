package com.fintechlogin.keycloak.admin;

import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code /admin/realms/{realm}/fintech}: a user's PIN and registered devices, and the realm's settings. Keycloak has
 * authenticated the admin before this runs; each method checks the admin's permission on the user or the realm.
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

    @Path("users/{userId}/pin")
    public UserPinAdminResource pin(@PathParam("userId") String userId) {
        return new UserPinAdminResource(session, realm, auth, adminEvent, user(userId));
    }

    @Path("users/{userId}/devices")
    public UserDevicesAdminResource devices(@PathParam("userId") String userId) {
        return new UserDevicesAdminResource(session, realm, auth, adminEvent, user(userId));
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
