package com.fintechlogin.keycloak.api.emailpassword;

import java.util.List;

import org.keycloak.common.util.Base64Url;
import org.keycloak.common.util.SecretGenerator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * The per-user API key of the email/password login: issued on the first successful login, stable afterwards, unique in the
 * realm. An admin rotates it by removing the {@value #ATTRIBUTE} attribute; the next login issues a new one.
 */
public final class ApiKeys {

    /** User attribute holding the key; the user profile lets only admins see or edit it. */
    public static final String ATTRIBUTE = "apiKey";

    /** 256 random bits, more than the 128 asked for. */
    private static final int KEY_BYTES = 32;
    private static final int MAX_DRAWS = 3;

    private ApiKeys() {
    }

    /** The user's key, issuing one if the user has none. */
    public static String ensure(KeycloakSession session, RealmModel realm, UserModel user) {
        List<String> existing = user.getAttributeStream(ATTRIBUTE).filter(key -> !key.isBlank()).sorted().toList();
        if (existing.size() > 1) {
            // Two first logins raced and each stored a key: settle on one, the same one on every node.
            user.setSingleAttribute(ATTRIBUTE, existing.get(0));
        }
        if (!existing.isEmpty()) {
            return existing.get(0);
        }
        for (int draw = 0; draw < MAX_DRAWS; draw++) {
            String candidate = Base64Url.encode(SecretGenerator.getInstance().randomBytes(KEY_BYTES));
            boolean taken = session.users().searchForUserByUserAttributeStream(realm, ATTRIBUTE, candidate)
                    .findAny().isPresent();
            if (!taken) {
                user.setSingleAttribute(ATTRIBUTE, candidate);
                return candidate;
            }
        }
        // 256-bit draws do not collide; reaching this means the random source is broken.
        throw new IllegalStateException("Could not draw a unique API key");
    }
}
