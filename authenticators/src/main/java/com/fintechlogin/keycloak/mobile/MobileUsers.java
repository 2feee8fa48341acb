package com.fintechlogin.keycloak.mobile;

import java.util.List;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/** Users by mobile number, through Keycloak's indexed attribute search; never a scan of all users. */
public final class MobileUsers {

    private MobileUsers() {
    }

    /**
     * Up to two holders of {@code mobile} (stored form), service accounts excluded: two are enough to know the
     * number is ambiguous, and a login must then fail closed.
     */
    public static List<UserModel> holders(KeycloakSession session, RealmModel realm, String mobile) {
        return session.users().searchForUserByUserAttributeStream(realm, MobileNumbers.ATTRIBUTE, mobile)
                .filter(user -> user.getServiceAccountClientLink() == null)
                .limit(2)
                .toList();
    }
}
