package com.fintechlogin.keycloak.password;

import java.util.regex.Pattern;

import org.keycloak.http.HttpRequest;
import org.keycloak.models.KeycloakSession;

/**
 * Whether the request is Keycloak's admin save of a user ({@code PUT /admin/realms/{realm}/users/{id}},
 * {@code UserResource.updateUser} in Keycloak 26.7.3), the one caller that asks the brute-force detector whether a
 * user is locked in order to unlock them as a side effect of the save.
 */
final class KeycloakUserSave {

    private static final Pattern USER_PATH = Pattern.compile(".*/admin/realms/[^/]+/users/[^/]+/?");

    private KeycloakUserSave() {
    }

    static boolean isRunning(KeycloakSession session) {
        HttpRequest request = session.getContext().getHttpRequest();
        if (request == null || !"PUT".equals(request.getHttpMethod()) || request.getUri() == null) {
            return false;
        }
        return USER_PATH.matcher(request.getUri().getPath()).matches();
    }
}
