package com.fintechlogin.keycloak.admin;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fintechlogin.keycloak.device.DeviceCredentialModel;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.keycloak.credential.CredentialModel;
import org.keycloak.events.Details;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code /admin/realms/{realm}/fintech/users/{userId}/devices}: the devices a user registered for device login.
 * Listing needs the admin's view permission on the user, deleting their manage permission.
 */
public final class UserDevicesAdminResource {

    private static final Logger LOG = Logger.getLogger(UserDevicesAdminResource.class);

    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;
    private final UserModel user;

    UserDevicesAdminResource(RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent, UserModel user) {
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent.resource(ResourceType.USER);
        this.user = user;
    }

    /** The user's devices in Keycloak's credential order. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list() {
        auth.users().requireView(user);
        List<Map<String, Object>> devices = user.credentialManager().getStoredCredentialsByTypeStream(DeviceCredentialModel.TYPE)
                .map(this::readable)
                .flatMap(Optional::stream)
                .map(AdminViews::device)
                .toList();
        return AdminViews.ok(devices);
    }

    /** Deletes one device; 404 unless {@code credentialId} is a device credential of this user. */
    @DELETE
    @Path("{credentialId}")
    public Response delete(@PathParam("credentialId") String credentialId) {
        auth.users().requireManage(user);
        CredentialModel stored = user.credentialManager().getStoredCredentialById(credentialId);
        if (stored == null || !DeviceCredentialModel.TYPE.equals(stored.getType())) {
            throw new NotFoundException("Device not found");
        }
        user.credentialManager().removeStoredCredentialById(credentialId);
        adminEvent.operation(OperationType.DELETE)
                .resourcePath("users", user.getId(), "devices", credentialId)
                .detail(Details.CREDENTIAL_TYPE, DeviceCredentialModel.TYPE)
                .detail(Details.CREDENTIAL_ID, credentialId)
                .detail(Details.CREDENTIAL_USER_LABEL, stored.getUserLabel())
                .success();
        return Response.noContent().build();
    }

    /**
     * The device, or empty when its stored data does not parse: one damaged credential must not hide the others.
     * It can still be deleted here, and is listed by Keycloak's own credentials view.
     */
    private Optional<DeviceCredentialModel> readable(CredentialModel stored) {
        try {
            return Optional.of(DeviceCredentialModel.from(stored));
        } catch (IllegalStateException unreadable) {
            LOG.warnf("Realm '%s': device credential %s of user %s has unreadable data; not listed",
                    realm.getName(), stored.getId(), user.getId());
            return Optional.empty();
        }
    }
}
