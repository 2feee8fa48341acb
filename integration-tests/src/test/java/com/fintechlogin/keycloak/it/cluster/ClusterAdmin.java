package com.fintechlogin.keycloak.it.cluster;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fintechlogin.keycloak.it.support.DemoRealm;
import com.fintechlogin.keycloak.it.support.Http;

import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.EventRepresentation;

/** What an identity admin does through one node's admin API: users, sessions, events, the PIN status. */
final class ClusterAdmin implements AutoCloseable {

    /** A user made for one check: a fresh account number; the password for the email/password login. */
    record User(String id, String email, String password, String accountNumber) {
    }

    private final KeycloakNode node;
    private final Keycloak keycloak;

    ClusterAdmin(KeycloakNode node) {
        this.node = node;
        this.keycloak = Keycloak.getInstance(node.baseUrl(), "master", KeycloakNode.ADMIN_USER, KeycloakNode.ADMIN_PASSWORD, "admin-cli");
    }

    RealmResource realm() {
        return keycloak.realm(TwoNodeCluster.REALM);
    }

    /** A fresh user with a password, an account number and the given further credentials (a PIN, a device). */
    User newUser(List<CredentialRepresentation> more) {
        String accountNumber = DemoRealm.freshAccountNumber();
        DemoRealm.NewUser user = DemoRealm.user(Map.of("accountNumber", List.of(accountNumber)), more);
        String id = DemoRealm.create(realm(), user.representation());
        return new User(id, user.representation().getEmail(), user.password(), accountNumber);
    }

    /** The {@code reason} of each of the user's stored LOGIN_ERROR events (all nodes store them in the one database). */
    List<String> loginErrorReasons(String userId) {
        List<EventRepresentation> events = realm().getEvents(List.of("LOGIN_ERROR"), null, userId, null, null, null, 0, 1000);
        return events.stream().map(event -> event.getDetails() == null ? null : event.getDetails().get("reason")).toList();
    }

    /**
     * The {@code error} of each of the user's stored LOGIN_ERROR events, once there are {@code count} of them: Keycloak's
     * own grant names what it did with the password there ({@code invalid_user_credentials}: evaluated and wrong;
     * {@code user_temporarily_disabled}: refused unread).
     */
    List<String> awaitLoginErrors(String userId, int count, Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (true) {
            List<String> errors = realm().getEvents(List.of("LOGIN_ERROR"), null, userId, null, null, null, 0, 1000).stream()
                    .map(EventRepresentation::getError).toList();
            if (errors.size() >= count || System.nanoTime() > deadline) {
                return errors;
            }
            Thread.sleep(100);
        }
    }

    /** The extension's admin view of a user's PIN: {@code configured}, {@code failures}, {@code locked}, ... */
    JsonNode pinStatus(String userId) {
        String url = node.baseUrl() + "/admin/realms/" + TwoNodeCluster.REALM + "/fintech/users/" + userId + "/pin";
        Http.Answer answer = Http.send("GET", url, null, null, Map.of("Authorization", "Bearer " + keycloak.tokenManager().getAccessTokenString()));
        if (answer.status() != 200) {
            throw new AssertionError("PIN status on node " + node.name() + ": HTTP " + answer.status() + " " + answer.body());
        }
        return answer.json();
    }

    @Override
    public void close() {
        keycloak.close();
    }
}
