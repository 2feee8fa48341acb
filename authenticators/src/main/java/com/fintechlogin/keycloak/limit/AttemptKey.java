package com.fintechlogin.keycloak.limit;

/**
 * Whose attempts of which credential kind one counter counts. Checked here so that a bad argument fails with
 * a clear message instead of a database error half-way through a login.
 */
record AttemptKey(String realmId, String userId, String kind) {

    static final int MAX_REALM_ID_LENGTH = 36;
    static final int MAX_USER_ID_LENGTH = 255;
    static final int MAX_KIND_LENGTH = 32;

    AttemptKey {
        requireText("realm id", realmId, MAX_REALM_ID_LENGTH);
        requireText("user id", userId, MAX_USER_ID_LENGTH);
        requireText("credential kind", kind, MAX_KIND_LENGTH);
    }

    private static void requireText(String what, String value, int maxLength) {
        if (value == null || value.isBlank() || value.length() > maxLength) {
            throw new IllegalArgumentException("The " + what + " of an attempt counter must be 1-" + maxLength
                    + " characters");
        }
    }
}
