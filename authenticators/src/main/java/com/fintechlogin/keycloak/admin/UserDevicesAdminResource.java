package com.fintechlogin.keycloak.admin;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fintechlogin.keycloak.device.DeviceCredentialModel;
import com.fintechlogin.keycloak.device.DeviceCredentialProvider;
import com.fintechlogin.keycloak.keys.PinPepperUnavailableException;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
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
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;
import org.keycloak.util.JsonSerialization;

/**
 * {@code /admin/realms/{realm}/fintech/users/{userId}/devices}: the devices a user registered for device login.
 * Listing needs the admin's view permission on the user, deleting their manage permission; setting the SIM binding
 * the manage permission or the SIM-binding role.
 */
public final class UserDevicesAdminResource {

    /** The realm role of a SIM-binding service: it may set a device's SIM binding, and nothing else. */
    public static final String SIM_BINDING_ROLE = "fintech-sim-binding";

    private static final Logger LOG = Logger.getLogger(UserDevicesAdminResource.class);

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;
    private final UserModel user;

    UserDevicesAdminResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth,
                             AdminEventBuilder adminEvent, UserModel user) {
        this.session = session;
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
                .map(device -> AdminViews.device(device, fingerprint(device)))
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
     * Sets whether the device's SIM binding is complete: {@code {"simBindingEnabled": true|false}}. Users cannot
     * claim it for their own devices; an admin who may manage the user can, and so can a SIM-binding service whose
     * token holds the realm role {@value #SIM_BINDING_ROLE} — the service that verified the binding, without
     * Keycloak's broader user-management rights.
     */
    @PUT
    @Path("{credentialId}/sim-binding")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response setSimBinding(@PathParam("credentialId") String credentialId, String body) {
        if (!auth.users().canManage(user) && !isSimBindingService()) {
            throw new ForbiddenException();
        }
        Boolean simBindingEnabled = simBindingOf(body);
        if (simBindingEnabled == null) {
            throw new BadRequestException("The body must be {\"simBindingEnabled\": true or false}");
        }
        CredentialModel stored = user.credentialManager().getStoredCredentialById(credentialId);
        if (stored == null || !DeviceCredentialModel.TYPE.equals(stored.getType())) {
            throw new NotFoundException("Device not found");
        }
        DeviceCredentialModel device = readable(stored).orElseThrow(() -> new NotFoundException("Device not found"));
        DeviceCredentialModel updated = new DeviceCredentialProvider(session).setSimBinding(user, device, simBindingEnabled);
        adminEvent.operation(OperationType.UPDATE)
                .resourcePath("users", user.getId(), "devices", credentialId, "sim-binding")
                .representation(Map.of("simBindingEnabled", simBindingEnabled))
                .detail(Details.CREDENTIAL_TYPE, DeviceCredentialModel.TYPE)
                .detail(Details.CREDENTIAL_ID, credentialId)
                .success();
        return AdminViews.ok(AdminViews.device(updated, fingerprint(updated)));
    }

    /**
     * Whether the caller is a SIM-binding service of this realm: a client's service account holding the role, with a
     * token of this realm. Not a person who happens to hold the role, and not a master-realm role of the same name.
     */
    private boolean isSimBindingService() {
        return realm.getId().equals(auth.adminAuth().getRealm().getId())
                && auth.adminAuth().getUser().getServiceAccountClientLink() != null
                && auth.adminAuth().hasRealmRole(SIM_BINDING_ROLE);
    }

    /** The flag of a body that is exactly {@code {"simBindingEnabled": boolean}}; null for anything else. */
    static Boolean simBindingOf(String body) {
        JsonNode json;
        try {
            json = body == null ? null : JsonSerialization.mapper.readTree(body);
        } catch (IOException unparseable) {
            return null;
        }
        if (json == null || !json.isObject() || json.size() != 1 || !json.path("simBindingEnabled").isBoolean()) {
            return null;
        }
        return json.get("simBindingEnabled").booleanValue();
    }

    /**
     * The device's fingerprint; for one stored before ids were hashed it is computed under the pepper, and without a
     * usable pepper (logged where found) there is none to show.
     */
    private String fingerprint(DeviceCredentialModel device) {
        try {
            return new DeviceCredentialProvider(session).fingerprintOf(realm, device);
        } catch (PinPepperUnavailableException noPepper) {
            return null;
        }
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
