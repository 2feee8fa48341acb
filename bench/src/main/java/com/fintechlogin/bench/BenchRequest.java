package com.fintechlogin.bench;

import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP request to send, described without {@link java.net.http.HttpRequest} so that a scenario can build it
 * cheaply and a test can inspect it; the {@link LoadRunner} turns it into an {@code HttpRequest} just before sending.
 *
 * @param method  the HTTP method, e.g. {@code POST}
 * @param uri     the absolute URI
 * @param headers header names and values, set one by one; names the JDK client sets itself (Content-Length, Host,
 *                Connection, …) are skipped; {@code null} means none
 * @param body    the request body, or {@code null} for no body
 */
public record BenchRequest(String method, URI uri, Map<String, String> headers, byte[] body) {

    public BenchRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }
}
