package com.fintechlogin.keycloak.identify;

import java.util.List;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/** Users by a unique attribute (mobile, account number), through Keycloak's indexed attribute search; never a scan. */
public final class UsersByAttribute {

    private UsersByAttribute() {
    }

    /**
     * Up to two holders of {@code value}, service accounts excluded: two are enough to know the value is
     * ambiguous, and a login must then fail closed.
     */
    public static List<UserModel> holders(KeycloakSession session, RealmModel realm, String attribute, String value) {
        return session.users().searchForUserByUserAttributeStream(realm, attribute, value)
                .filter(user -> user.getServiceAccountClientLink() == null)
                .limit(2)
                .toList();
    }
}
