package com.fintechlogin.keycloak.api.emailpassword;

import org.keycloak.models.RealmModel;

/** The email/password login's realm settings, read from realm attributes. */
public record EmailPasswordSettings(String clientId) {

    /** Realm attribute naming the client that {@code /user/login} logs into. */
    public static final String CLIENT_ID_ATTRIBUTE = "fintech.user-login.client-id";
    public static final String DEFAULT_CLIENT_ID = "user-api";

    static EmailPasswordSettings of(RealmModel realm) {
        String clientId = realm.getAttribute(CLIENT_ID_ATTRIBUTE);
        return new EmailPasswordSettings(clientId == null || clientId.isBlank() ? DEFAULT_CLIENT_ID : clientId.trim());
    }
}
