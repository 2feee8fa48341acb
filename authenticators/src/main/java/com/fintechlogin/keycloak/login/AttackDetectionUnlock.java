package com.fintechlogin.keycloak.login;

import java.util.Optional;

import com.fintechlogin.keycloak.limit.AccountUnlock;
import com.fintechlogin.keycloak.limit.AttemptLimiter;

import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Keeps Keycloak's own remedies for a locked user in step with the exact limiter. Keycloak announces them only as
 * admin events, which this hears:
 * <ul>
 * <li>its unlock of a user or of every user (the admin console's unlock, or
 * {@code DELETE /admin/realms/{realm}/attack-detection/brute-force/users[/{id}]}): the user's counters (or the whole
 * realm's) are cleared, and a permanent lockout lifted ({@link AccountUnlock});</li>
 * <li>enabling a disabled user, Keycloak's remedy for its permanent lockout: the user's counters are cleared. Keycloak
 * announces it as an update of the user and, when it held failures of the user, as a deletion of them under the
 * user's own path.</li>
 * <li>saving a user who was enabled all along, where locks are account-wide: Keycloak deletes its record of them too
 * when it holds them locked, and announces it the same way; that was Keycloak's own lock, and the counters follow it.
 * Per credential the record only shows the counters' locks, which an admin who saves the user did not ask to lift (a
 * PIN lock, say, while editing an email): Keycloak keeps the record then ({@code password.BruteForceDetector}), and
 * only enabling a disabled user clears the counters.</li>
 * </ul>
 * Keycloak sends no event for an unlock of a user of whom it holds no failures; enabling the user, or the extension's
 * own unlock, still works then.
 */
final class AttackDetectionUnlock implements EventListenerProvider {

    static final String USERS_PATH = "attack-detection/brute-force/users";
    static final String USER_PATH = "users";

    private static final String TASK_NAME = "fintech unlock: the user before the admin's change";

    private final KeycloakSession session;

    AttackDetectionUnlock(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
        if (event.getResourceType() == ResourceType.USER_LOGIN_FAILURE && event.getOperationType() == OperationType.DELETE) {
            failuresCleared(event);
        } else if (event.getResourceType() == ResourceType.USER && event.getOperationType() == OperationType.UPDATE) {
            userUpdated(event);
        }
    }

    private void failuresCleared(AdminEvent event) {
        Optional<String> attackDetectionUser = unlockedUser(event.getResourcePath());
        String enabledUser = updatedUser(event.getResourcePath());
        AttemptLimiter limiter = new AttemptLimiter(session);
        RealmModel realm = session.realms().getRealm(event.getRealmId());
        if (attackDetectionUser != null && attackDetectionUser.isPresent()) {
            limiter.unlockUser(event.getRealmId(), attackDetectionUser.get());
            UserModel user = realm == null ? null : session.users().getUserById(realm, attackDetectionUser.get());
            if (user != null) {
                AccountUnlock.liftPermanentLockout(user);
            }
        } else if (attackDetectionUser != null) {
            limiter.unlockRealm(event.getRealmId());
            if (realm != null) {
                AccountUnlock.liftPermanentLockouts(session, realm);
            }
        } else if (enabledUser != null && realm != null) {
            if (LockoutScope.accountWide(realm)) {
                // Keycloak enabled a disabled or locked user, and forgot its failures; it already lifted its own lock.
                limiter.unlockUser(event.getRealmId(), enabledUser);
            }
            // Per credential Keycloak deletes the record only when it enables a disabled user, which userUpdated hears.
        }
    }

    /**
     * An admin's update of a user that enabled them. Keycloak hands the event over before the change commits, so a
     * transaction of its own still reads the user as it was: only the change from disabled to enabled counts, never
     * an edit of a user who was enabled all along.
     */
    private void userUpdated(AdminEvent event) {
        String userId = updatedUser(event.getResourcePath());
        RealmModel realm = userId == null ? null : session.realms().getRealm(event.getRealmId());
        UserModel user = realm == null ? null : session.users().getUserById(realm, userId);
        if (user == null || !user.isEnabled()) {
            return;
        }
        String realmId = event.getRealmId();
        boolean wasDisabled = KeycloakModelUtils.runJobInTransactionWithResult(session.getKeycloakSessionFactory(), null,
                before -> {
                    RealmModel beforeRealm = before.realms().getRealm(realmId);
                    if (beforeRealm == null) {
                        return false;
                    }
                    before.getContext().setRealm(beforeRealm);
                    UserModel beforeUser = before.users().getUserById(beforeRealm, userId);
                    return beforeUser != null && !beforeUser.isEnabled();
                }, TASK_NAME);
        if (wasDisabled) {
            new AttemptLimiter(session).unlockUser(realmId, userId);
        }
    }

    /**
     * The user an attack-detection unlock names: a user id, empty for "every user", or {@code null} when the path
     * is no attack-detection unlock.
     */
    static Optional<String> unlockedUser(String resourcePath) {
        String path = trimmed(resourcePath);
        if (path == null) {
            return null;
        }
        if (path.equals(USERS_PATH)) {
            return Optional.empty();
        }
        String userId = childOf(USERS_PATH, path);
        return userId == null ? null : Optional.of(userId);
    }

    /** The user a path of Keycloak's user resource names ({@code users/{id}}), or {@code null}. */
    static String updatedUser(String resourcePath) {
        String path = trimmed(resourcePath);
        return path == null ? null : childOf(USER_PATH, path);
    }

    private static String trimmed(String resourcePath) {
        if (resourcePath == null) {
            return null;
        }
        return resourcePath.endsWith("/") ? resourcePath.substring(0, resourcePath.length() - 1) : resourcePath;
    }

    /** The one path segment under {@code parent}, or {@code null}. */
    private static String childOf(String parent, String path) {
        if (!path.startsWith(parent + "/")) {
            return null;
        }
        String child = path.substring(parent.length() + 1);
        return child.isEmpty() || child.contains("/") ? null : child;
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
