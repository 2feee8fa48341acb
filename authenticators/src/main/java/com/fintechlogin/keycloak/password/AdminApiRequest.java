package com.fintechlogin.keycloak.password;

import java.util.regex.Pattern;

import org.keycloak.http.HttpRequest;
import org.keycloak.models.KeycloakSession;

/**
 * Whether the request is a call of Keycloak's admin REST API ({@code /admin/realms/...}, the admin console's and
 * kcadm's), where the brute-force detector is asked about users only to show or change their state, never right
 * before a credential of theirs is checked. A request without HTTP (a background task) is treated as one: it logs
 * nobody in.
 */
final class AdminApiRequest {

    private static final Pattern ADMIN_PATH = Pattern.compile(".*/admin/realms(/.*)?");

    private AdminApiRequest() {
    }

    static boolean isRunning(KeycloakSession session) {
        HttpRequest request = session.getContext().getHttpRequest();
        if (request == null || request.getUri() == null) {
            return true;
        }
        return ADMIN_PATH.matcher(request.getUri().getPath()).matches();
    }
}
