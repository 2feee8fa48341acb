package com.fintechlogin.bench;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Requests built beforehand for wrk to replay ({@code bench.lua}): the per-request work of a real client (a sealed
 * partner payload, an RSA-encrypted device id, a checksum, the user a request is for) is done here, in Java, before
 * the measured window, so that the generator does none of it while it measures. Written as raw HTTP/1.1 requests,
 * one file per wrk thread ({@code <base>.<thread>}), each request ended by a NUL byte, which neither a request head
 * nor the JSON and form bodies sent here can hold.
 *
 * <p>Request {@code i} is the scenario's {@code next(i % concurrency, i / concurrency)}, and goes to thread
 * {@code (i - from) % threads}: so a thread's requests spread over the workers' users as the Java runner's workers do
 * (a user's next login comes many requests after its last one, which Keycloak's own password grant needs: it refuses a
 * login of a user whose previous login it is still recording), and two threads never send the same single-use request.
 * A pool starts at {@code from}, where the previous window of the scenario stopped, so that a window does not begin
 * with the users whose logins the last one left in flight.
 */
final class RequestPool {

    /** Headers that a request file states itself. */
    private static final Set<String> OWN_HEADERS = Set.of("host", "content-length", "connection");

    private RequestPool() {
    }

    /**
     * Builds requests {@code from .. from+size-1} of the scenario and writes them into {@code threads} files named
     * {@code <base>.0 … <base>.<threads-1>}; answers the files.
     */
    static List<Path> write(Scenario scenario, long from, int size, int concurrency, int threads, Path base) {
        if (size < threads) {
            throw new IllegalArgumentException("A pool needs at least one request per thread: " + size + " < " + threads);
        }
        List<Path> files = new ArrayList<>();
        List<OutputStream> outs = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                Path file = base.resolveSibling(base.getFileName() + "." + t);
                files.add(file);
                outs.add(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
            }
            for (long i = from; i < from + size; i++) {
                OutputStream out = outs.get((int) ((i - from) % threads));
                out.write(raw(scenario.requests().next((int) (i % concurrency), i / concurrency)));
                out.write(0);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the request pool " + base, e);
        } finally {
            for (OutputStream out : outs) {
                try {
                    out.close();
                } catch (IOException ignored) {
                    // a write error above is the one to report
                }
            }
        }
        return List.copyOf(files);
    }

    /** The request as it goes on the wire: request line, Host, the request's headers, Content-Length, body. */
    static byte[] raw(BenchRequest request) {
        StringBuilder head = new StringBuilder();
        String path = request.uri().getRawPath() == null || request.uri().getRawPath().isEmpty() ? "/" : request.uri().getRawPath();
        if (request.uri().getRawQuery() != null) {
            path += "?" + request.uri().getRawQuery();
        }
        head.append(request.method()).append(' ').append(path).append(" HTTP/1.1\r\n");
        head.append("Host: ").append(request.uri().getHost());
        if (request.uri().getPort() != -1) {
            head.append(':').append(request.uri().getPort());
        }
        head.append("\r\n");
        for (Map.Entry<String, String> header : request.headers().entrySet()) {
            if (OWN_HEADERS.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                continue;
            }
            if (header.getValue().indexOf('\r') >= 0 || header.getValue().indexOf('\n') >= 0) {
                throw new IllegalArgumentException("A header value with a line break: " + header.getKey());
            }
            head.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n");
        }
        byte[] body = request.body() == null ? new byte[0] : request.body();
        if (body.length > 0 || !request.method().equals("GET")) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        ByteArrayOutputStream raw = new ByteArrayOutputStream(head.length() + body.length);
        raw.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        for (byte b : body) {
            if (b == 0) {
                throw new IllegalArgumentException("A request body with a NUL byte cannot go into a request pool");
            }
        }
        raw.writeBytes(body);
        return raw.toByteArray();
    }
}
