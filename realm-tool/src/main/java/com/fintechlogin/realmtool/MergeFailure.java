package com.fintechlogin.realmtool;

/** The merge cannot go on; the message says what Keycloak refused and where. Items printed before it were applied. */
final class MergeFailure extends RuntimeException {

    MergeFailure(String message) {
        super(message);
    }

    MergeFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
