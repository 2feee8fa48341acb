package com.fintechlogin.keycloak.limit;

/**
 * Whose failures one budget counts: a source address or a calling client of a realm, written as
 * {@code address:<address>} or {@code client:<client's internal id>}. Checked here so that a bad argument fails with a
 * clear message instead of a database error before a login.
 */
record CallerKey(String realmId, String caller) {

    static final int MAX_CALLER_LENGTH = 255;

    CallerKey {
        if (realmId == null || realmId.isBlank() || realmId.length() > AttemptKey.MAX_REALM_ID_LENGTH) {
            throw new IllegalArgumentException("The realm id of a caller budget must be 1-" + AttemptKey.MAX_REALM_ID_LENGTH
                    + " characters");
        }
        if (caller == null || caller.isBlank() || caller.length() > MAX_CALLER_LENGTH) {
            throw new IllegalArgumentException("The caller of a budget must be 1-" + MAX_CALLER_LENGTH + " characters");
        }
    }
}
