package com.fintechlogin.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An app's own token from the Get Token API, as the documented apps hold it: taken once and taken again shortly
 * before it expires. A soak outlives the demo apps' 900-second tokens; a run that kept its first token would turn
 * into a stream of 401s. Thread-safe: the scenarios' workers share one.
 */
final class AppToken {

    /**
     * Renew this long before the token's {@code exp}, so that no request carries a token that expires in flight, not
     * even one built into a request pool minutes before it is sent (the demo apps' tokens live 900 s).
     */
    static final long RENEW_BEFORE_MILLIS = 300_000;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final URI getTokenApi;
    private final String clientId;
    private final String secret;
    private String token;
    private long expiresAtMillis;

    AppToken(HttpClient http, String realmUrl, String clientId, String secret) {
        this.http = http;
        this.getTokenApi = URI.create(realmUrl + "/fintech/market-place/v1/token");
        this.clientId = clientId;
        this.secret = secret;
        renew();
    }

    /** The token, renewed first if it expires within {@link #RENEW_BEFORE_MILLIS}. */
    synchronized String current() {
        if (System.currentTimeMillis() >= expiresAtMillis - RENEW_BEFORE_MILLIS) {
            renew();
        }
        return token;
    }

    private synchronized void renew() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(getTokenApi)
                    .header("X-API-KEY", clientId).header("X-API-SECRET", secret)
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("No app token for " + clientId + ": HTTP " + response.statusCode());
            }
            JsonNode data = JSON.readTree(response.body()).path("data");
            token = data.path("token").asText();
            expiresAtMillis = data.path("expiry").asLong();
        } catch (IOException e) {
            throw new IllegalStateException("No app token for " + clientId + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
