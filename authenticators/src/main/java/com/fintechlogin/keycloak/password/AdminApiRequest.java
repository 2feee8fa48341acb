package com.fintechlogin.keycloak.password;

import org.keycloak.http.HttpRequest;
import org.keycloak.models.KeycloakSession;

/**
 * Whether the request is a call of Keycloak's admin REST API ({@code /admin/realms/...}, the admin console's and
 * kcadm's), where the brute-force detector is asked about users only to show or change their state, never right
 * before a credential of theirs is checked. A request without HTTP (a background task) is treated as one: it logs
 * nobody in.
 *
 * <p>A login misread as an admin call would evaluate a password outside the caller budgets and the counter's turn, so
 * the path is read as sent (percent-encoded: an encoded slash inside one segment, such as an identity provider's alias
 * in a broker login's path, never makes a segment boundary) and the admin API's segments must come before any
 * {@code /realms/} segment, where every login endpoint lives.
 */
final class AdminApiRequest {

    private static final String ADMIN_REALMS = "/admin/realms";

    private AdminApiRequest() {
    }

    static boolean isRunning(KeycloakSession session) {
        HttpRequest request = session.getContext().getHttpRequest();
        if (request == null || request.getUri() == null) {
            return true;
        }
        return isAdminPath(request.getUri().getRequestUri().getRawPath());
    }

    /**
     * Whether {@code rawPath} (not decoded) is under {@code /admin/realms}, after the server's relative path (such as
     * {@code /auth}) and no realm's own path.
     */
    static boolean isAdminPath(String rawPath) {
        if (rawPath == null) {
            return false;
        }
        int at = rawPath.indexOf(ADMIN_REALMS);
        if (at < 0) {
            return false;
        }
        String rest = rawPath.substring(at + ADMIN_REALMS.length());
        if (!rest.isEmpty() && !rest.startsWith("/")) {
            return false;
        }
        return !(rawPath.substring(0, at) + "/").contains("/realms/");
    }
}
