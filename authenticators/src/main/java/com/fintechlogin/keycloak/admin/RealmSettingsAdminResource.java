package com.fintechlogin.keycloak.admin;

import java.util.Map;
import java.util.Optional;

import com.fintechlogin.keycloak.keys.RealmVault;
import com.fintechlogin.keycloak.settings.RealmSettings;
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
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code /admin/realms/{realm}/fintech/settings}: the realm's {@code fintech.*} attributes, each checked before it is
 * stored. Keycloak's own realm update stores any attribute value as sent, and Keycloak 26.7 offers an admin-console page
 * of an extension's own only behind an experimental feature, so this is where a wrong value is refused: with
 * {@code kcadm.sh get/update realms/{realm}/fintech/settings}, which reads and writes the same JSON object. Reading needs
 * Keycloak's view-realm permission, changing manage-realm, as for the realm's own settings.
 */
public final class RealmSettingsAdminResource {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;
    private final SettingsStore store;

    RealmSettingsAdminResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth,
                               AdminEventBuilder adminEvent) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent.resource(ResourceType.REALM);
        this.store = new SettingsStore(RealmSettings.ALL,
                SettingsStore.Attributes.of(realm::getAttribute, realm::setAttribute, realm::removeAttribute),
                after -> Optional.empty());
    }

    /** Every setting by name, with its stored value or null when it is not set (the reader's default applies). */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response get() {
        auth.realm().requireViewRealm();
        return AdminViews.ok(store.view());
    }

    /**
     * Changes the settings the body names ({@code {"fintech.pin.length": 6}}); the others keep their values, and null or
     * an empty string removes one (its default applies). Every value is checked before any is stored, so a refused body
     * changes nothing; a value equal to the stored one is not checked again. The admin event's representation holds only
     * the settings that changed.
     */
    @PUT
    @Consumes(MediaType.WILDCARD)
    public Response update(@Context ServerRequestContext request) {
        auth.realm().requireManageRealm();
        Map<String, String> changed = store.update(AdminBodies.json(session, request),
                new SettingScope(realm, key -> RealmVault.hasEntry(session, realm, key)));
        if (!changed.isEmpty()) {
            adminEvent.operation(OperationType.UPDATE).resourcePath("fintech", "settings").representation(changed).success();
        }
        return Response.noContent().build();
    }
}
