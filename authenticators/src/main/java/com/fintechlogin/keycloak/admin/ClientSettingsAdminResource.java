package com.fintechlogin.keycloak.admin;

import java.util.Map;

import com.fintechlogin.keycloak.keys.RealmVault;
import com.fintechlogin.keycloak.settings.ClientSettings;
import com.fintechlogin.keycloak.settings.SettingScope;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.spi.ServerRequestContext;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code /admin/realms/{realm}/fintech/clients/{id}/settings}: a client's {@code fintech.*} attributes (a card-portal
 * affiliate's), each checked before it is stored, as the realm's settings are. Reading needs Keycloak's view permission
 * on the client, changing its manage permission: the processor key and checksum secret are credentials of the
 * affiliate, so Keycloak's narrower configure permission is not enough. Neither is ever answered, put in an admin event
 * or logged in clear: a secret set in clear reads as {@code **********}, a vault reference as itself.
 */
public final class ClientSettingsAdminResource {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;
    private final ClientModel client;
    private final SettingsStore store;

    ClientSettingsAdminResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth,
                                AdminEventBuilder adminEvent, ClientModel client) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent.resource(ResourceType.CLIENT);
        this.client = client;
        this.store = new SettingsStore(ClientSettings.ALL,
                SettingsStore.Attributes.of(client::getAttribute, client::setAttribute, client::removeAttribute),
                ClientSettings::problemOf);
    }

    /** Every setting by name, null when it is not set; a secret set in clear as {@code **********}. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response get() {
        auth.clients().requireView(client);
        return AdminViews.ok(store.view());
    }

    /**
     * Changes the settings the body names, as the realm's settings endpoint does; a secret's {@code **********} keeps
     * it. The admin event's representation holds the settings that changed, secrets as a read shows them.
     */
    @PUT
    @Consumes(MediaType.WILDCARD)
    public Response update(@Context ServerRequestContext request) {
        auth.clients().requireManage(client);
        Map<String, String> changed = store.update(AdminBodies.json(session, request),
                new SettingScope(realm, key -> RealmVault.hasEntry(session, realm, key)));
        if (!changed.isEmpty()) {
            adminEvent.operation(OperationType.UPDATE)
                    .resourcePath("fintech", "clients", client.getId(), "settings")
                    .representation(changed)
                    .success();
        }
        return Response.noContent().build();
    }
}
