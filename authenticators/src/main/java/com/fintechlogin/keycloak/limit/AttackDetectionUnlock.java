package com.fintechlogin.keycloak.limit;

import java.util.Optional;

import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;

/**
 * Keeps Keycloak's "unlock" in step with the exact limiter: when an administrator clears a user's login failures
 * in Keycloak's attack detection (the admin console's unlock, or
 * {@code DELETE /admin/realms/{realm}/attack-detection/brute-force/users[/{id}]}), that user's counters (or the
 * whole realm's) are cleared too. Keycloak announces the unlock only as an admin event, so this listens for it.
 */
final class AttackDetectionUnlock implements EventListenerProvider {

    static final String USERS_PATH = "attack-detection/brute-force/users";

    private final KeycloakSession session;

    AttackDetectionUnlock(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
        if (event.getResourceType() != ResourceType.USER_LOGIN_FAILURE || event.getOperationType() != OperationType.DELETE) {
            return;
        }
        Optional<String> userId = unlockedUser(event.getResourcePath());
        if (userId == null) {
            return;
        }
        AttemptLimiter limiter = new AttemptLimiter(session);
        if (userId.isPresent()) {
            limiter.unlockUser(event.getRealmId(), userId.get());
        } else {
            limiter.unlockRealm(event.getRealmId());
        }
    }

    /**
     * The user an attack-detection unlock names: a user id, empty for "every user", or {@code null} when the path
     * is no unlock.
     */
    static Optional<String> unlockedUser(String resourcePath) {
        if (resourcePath == null) {
            return null;
        }
        String path = resourcePath.endsWith("/") ? resourcePath.substring(0, resourcePath.length() - 1) : resourcePath;
        if (path.equals(USERS_PATH)) {
            return Optional.empty();
        }
        if (path.startsWith(USERS_PATH + "/")) {
            String userId = path.substring(USERS_PATH.length() + 1);
            return userId.isEmpty() || userId.contains("/") ? null : Optional.of(userId);
        }
        return null;
    }

    @Override
    public void onEvent(Event event) {
        // Only administrators unlock.
    }

    @Override
    public void close() {
        // Nothing held.
    }
}
