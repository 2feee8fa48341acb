package com.fintechlogin.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What the benchmark asks of Keycloak's admin REST API, as an administrator would: seed users by partial import,
 * add a client, switch brute-force detection. Authenticates with the master realm's admin account.
 */
final class AdminClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final String serverUrl;
    private final String realm;
    private final String adminUser;
    private final String adminPassword;

    AdminClient(HttpClient http, String serverUrl, String realm, String adminUser, String adminPassword) {
        this.http = http;
        this.serverUrl = serverUrl;
        this.realm = realm;
        this.adminUser = adminUser;
        this.adminPassword = adminPassword;
    }

    /** Adds users (and whatever else the representation holds) in one request; existing users are skipped. */
    void partialImport(Map<String, Object> representation) {
        send("POST", "/admin/realms/" + realm + "/partialImport", representation, 200);
    }

    /** Creates a client from its representation unless one with the same client id exists. */
    void createClientIfAbsent(Map<String, Object> client) {
        JsonNode found = send("GET", "/admin/realms/" + realm + "/clients?clientId=" + enc((String) client.get("clientId")), null, 200);
        if (found.isEmpty()) {
            send("POST", "/admin/realms/" + realm + "/clients", client, 201);
        }
    }

    /** The realm's representation, as JSON. */
    JsonNode realm() {
        return send("GET", "/admin/realms/" + realm, null, 200);
    }

    /** Updates realm settings; fields left out keep their values. */
    void updateRealm(Map<String, Object> changes) {
        send("PUT", "/admin/realms/" + realm, changes, 204);
    }

    /**
     * Ends every user session of the realm (Keycloak's {@code logout-all}), then puts back the realm's not-before,
     * which {@code logout-all} moves to now: left there, it would refuse every token issued before, the app tokens
     * that mobile sign-in and PIN login present included.
     */
    void endUserSessions() {
        long notBefore = realm().path("notBefore").asLong(0);
        send("POST", "/admin/realms/" + realm + "/logout-all", null, 200);
        updateRealm(Map.of("notBefore", notBefore));
    }

    /** The server's Keycloak version, as its admin console shows it. */
    String serverVersion() {
        return send("GET", "/admin/serverinfo", null, 200).at("/systemInfo/version").asText("unknown");
    }

    /** How many users the realm holds. */
    long userCount() {
        return send("GET", "/admin/realms/" + realm + "/users/count", null, 200).asLong();
    }

    /**
     * Regular (not offline) user sessions per client, from {@code GET /admin/realms/{realm}/client-session-stats}
     * (keyed by client id). With persistent user sessions (on by default since Keycloak 26) it counts the rows of the
     * session table, so a session that has expired but not yet been purged by the store's expiration task still counts.
     */
    Map<String, Long> activeSessionsByClient() {
        Map<String, Long> byClient = new TreeMap<>();
        for (JsonNode client : send("GET", "/admin/realms/" + realm + "/client-session-stats", null, 200)) {
            byClient.put(client.path("clientId").asText(), client.path("active").asLong());
        }
        return byClient;
    }

    /** The id of the user with exactly this user name. */
    String userId(String username) {
        JsonNode found = send("GET", "/admin/realms/" + realm + "/users?exact=true&username=" + enc(username), null, 200);
        if (found.isEmpty()) {
            throw new IllegalStateException("No user " + username + " in realm " + realm);
        }
        return found.get(0).path("id").asText();
    }

    /** The extension's unlock: the user's PIN, device and password counters and Keycloak's lockout of the user. */
    void unlockLogins(String userId) {
        send("DELETE", "/admin/realms/" + realm + "/fintech/users/" + userId + "/pin/lock", null, 204);
    }

    private JsonNode send(String method, String path, Object body, int expected) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(serverUrl + path))
                    .timeout(Duration.ofMinutes(10))
                    .header("Authorization", "Bearer " + token());
            if (body != null) {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
            } else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(method + " " + path + " answered HTTP " + response.statusCode() + ": "
                        + abbreviate(response.body()));
            }
            return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    /** A fresh admin token per call: a seed of 100,000 users outlives the master realm's one-minute tokens. */
    private String token() throws IOException, InterruptedException {
        String form = Map.of("grant_type", "password", "client_id", "admin-cli", "username", adminUser, "password", adminPassword)
                .entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create(serverUrl + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("The admin login to " + serverUrl + " answered HTTP " + response.statusCode());
        }
        return JSON.readTree(response.body()).get("access_token").asText();
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
