package com.fintechlogin.keycloak.limit;

/** The credential kinds the project counts attempts of: one counter per user and kind. */
public final class CredentialKinds {

    public static final String PIN = "pin";
    public static final String PASSWORD = "password";
    public static final String DEVICE = "device";

    private CredentialKinds() {
    }
}
