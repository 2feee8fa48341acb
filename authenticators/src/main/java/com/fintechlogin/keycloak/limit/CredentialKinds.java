package com.fintechlogin.keycloak.limit;

import java.util.List;

/**
 * The credential kinds the project counts attempts of: one counter per user and kind. Each is also the credential type
 * its lock events name ({@code credential_type}): Keycloak's password's, and the PIN's and the device's of this project.
 */
public final class CredentialKinds {

    public static final String PIN = "pin";
    public static final String PASSWORD = "password";
    public static final String DEVICE = "device";

    /** Every kind: each locks alone, and an admin's unlock of the user lifts them all. */
    public static final List<String> ALL = List.of(PASSWORD, PIN, DEVICE);

    private CredentialKinds() {
    }
}
