package com.fintechlogin.keycloak.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A plain HTTP client for the tests: what an app developer's code would send, nothing Keycloak-specific. Every exchange
 * with the extension's endpoints is checked against their OpenAPI document ({@link OpenApiContract}).
 */
public final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    /**
     * One connection per request in flight, as many apps on many devices open them. {@link #CLIENT} upgrades to HTTP/2
     * where the server offers it and multiplexes concurrent requests onto one connection, which the server caps at
     * 100 streams: more at once fail in the client, never reaching the server.
     */
    private static final HttpClient CONNECTION_PER_REQUEST = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private Http() {
    }

    public record Answer(int status, String body, java.net.http.HttpHeaders headers) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("Not JSON (HTTP " + status + "): " + body, e);
            }
        }
    }

    public static Answer send(String method, String url, String contentType, byte[] body, Map<String, String> headers) {
        return send(CLIENT, method, url, contentType, body, headers);
    }

    /** {@link #send}, on an HTTP/1.1 connection of its own: for bursts of many requests at once. */
    public static Answer sendOnOwnConnection(String method, String url, String contentType, byte[] body, Map<String, String> headers) {
        return send(CONNECTION_PER_REQUEST, method, url, contentType, body, headers);
    }

    private static Answer send(HttpClient client, String method, String url, String contentType, byte[] body, Map<String, String> headers) {
        UsedSecrets.recordRequest(headers, contentType, body);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Answer answer = new Answer(response.statusCode(), response.body(), response.headers());
            // The extension's endpoints are held to their OpenAPI document on every exchange a test has with them.
            OpenApiContract.check(new OpenApiContract.Exchange(method, URI.create(url), contentType, body, headers,
                    answer.status(), answer.headers().map(), answer.body()));
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static Answer postJson(String url, String json) {
        return send("POST", url, "application/json", json.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    public static Answer postForm(String url, Map<String, String> form, Map<String, String> headers) {
        String encoded = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return send("POST", url, "application/x-www-form-urlencoded", encoded.getBytes(StandardCharsets.UTF_8), headers);
    }

    public static Answer get(String url, Map<String, String> headers) {
        return send("GET", url, null, null, headers);
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((enc(user) + ":" + enc(password)).getBytes(StandardCharsets.UTF_8));
    }

    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String jsonString(String value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
