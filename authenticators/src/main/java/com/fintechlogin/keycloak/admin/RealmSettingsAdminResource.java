package com.fintechlogin.keycloak.admin;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import com.fintechlogin.keycloak.api.http.RequestBodies;
import com.fintechlogin.keycloak.json.Parsed;
import com.fintechlogin.keycloak.settings.RealmSettings;
import com.fintechlogin.keycloak.settings.Setting;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.spi.ServerRequestContext;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.ErrorResponse;
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

    RealmSettingsAdminResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth,
                               AdminEventBuilder adminEvent) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent.resource(ResourceType.REALM);
    }

    /** Every setting by name, with its stored value or null when it is not set (the reader's default applies). */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response get() {
        auth.realm().requireViewRealm();
        Map<String, Object> view = new LinkedHashMap<>();
        for (Setting setting : RealmSettings.ALL) {
            view.put(setting.name(), SettingsRequest.stored(realm, setting.name()));
        }
        return AdminViews.ok(view);
    }

    /**
     * Changes the settings the body names ({@code {"fintech.pin.length": 6}}); the others keep their values, and null or
     * an empty string removes one (its default applies). Every value is checked before any is stored, so a refused body
     * changes nothing; a value equal to the stored one is not checked again. The admin event's representation holds only the settings that changed.
     */
    @PUT
    @Consumes(MediaType.WILDCARD)
    public Response update(@Context ServerRequestContext request) {
        auth.realm().requireManageRealm();
        HttpHeaders headers = session.getContext().getRequestHeaders();
        if (!RequestBodies.mayCarryJson(headers.getHeaderString(HttpHeaders.CONTENT_TYPE))) {
            throw ErrorResponse.error("The body must be JSON", Response.Status.UNSUPPORTED_MEDIA_TYPE);
        }
        byte[] body;
        try {
            body = RequestBodies.readBounded(request.getInputStream());
        } catch (IOException unreadable) {
            throw ErrorResponse.error("The body could not be read", Response.Status.BAD_REQUEST);
        }
        if (body == null) {
            throw ErrorResponse.error("The body is too large", Response.Status.REQUEST_ENTITY_TOO_LARGE);
        }
        Parsed<Map<String, String>, String> parsed = SettingsRequest.parse(body, realm);
        if (parsed instanceof Parsed.Invalid<Map<String, String>, String> invalid) {
            throw ErrorResponse.error(invalid.problem(), Response.Status.BAD_REQUEST);
        }
        Map<String, String> changed = new LinkedHashMap<>();
        ((Parsed.Valid<Map<String, String>, String>) parsed).value().forEach((name, value) -> {
            if (!Objects.equals(value, SettingsRequest.stored(realm, name))) {
                changed.put(name, value);
            }
        });
        changed.forEach((name, value) -> {
            if (value == null) {
                realm.removeAttribute(name);
            } else {
                realm.setAttribute(name, value);
            }
        });
        if (!changed.isEmpty()) {
            adminEvent.operation(OperationType.UPDATE).resourcePath("fintech", "settings").representation(changed).success();
        }
        return Response.noContent().build();
    }
}
