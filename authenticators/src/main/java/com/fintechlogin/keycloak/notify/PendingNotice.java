package com.fintechlogin.keycloak.notify;

/**
 * A notice waiting for its request to commit: ids and the moment only, since the request's models are gone by
 * the time it is sent. {@code clientId} is {@code null} when the event named no client.
 */
record PendingNotice(String realmId, String userId, CredentialNotice notice, long time, String clientId) {
}
