package com.fintechlogin.keycloak.it.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, byte for byte as given: what a hostile client can send and {@link java.net.http}
 * refuses to (CR/LF inside header values, duplicate headers, any bytes), and from a local address of the caller's
 * choosing, which {@link java.net.http.HttpClient} cannot bind. One request per connection.
 */
public final class RawHttp {

    private static final int TIMEOUT_MILLIS = 60_000;

    private RawHttp() {
    }

    public record Request(String method, String target, List<Map.Entry<String, byte[]>> headers, byte[] body) {

        byte[] bytes(String host, int port) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes((method + " " + target + " HTTP/1.1\r\nHost: " + host + ":" + port
                    + "\r\nConnection: close\r\nContent-Length: " + body.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
            for (Map.Entry<String, byte[]> header : headers) {
                out.writeBytes(header.getKey().getBytes(StandardCharsets.US_ASCII));
                out.writeBytes(": ".getBytes(StandardCharsets.US_ASCII));
                out.writeBytes(header.getValue());
                out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(body);
            return out.toByteArray();
        }
    }

    /** The status and body; status 0 when the server closed the connection without an answer. */
    public record Response(int status, String head, String body) {
    }

    static Response exchange(String host, int port, Request request) {
        try {
            return exchange(new Socket(host, port), host, port, request);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * As {@link #exchange(String, int, Request)}, from the local address {@code from}: on Linux every 127.x.y.z is this
     * host's loopback, so a test can be several source addresses at once.
     */
    public static Response exchange(InetAddress from, String host, int port, Request request) {
        try {
            return exchange(new Socket(host, port, from, 0), host, port, request);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Response exchange(Socket opened, String host, int port, Request request) {
        try (Socket socket = opened) {
            socket.setSoTimeout(TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request.bytes(host, port));
                out.flush();
            } catch (SocketException closedEarly) {
                // A server may answer and close before reading all of a body it refuses: read what it said.
            }
            return parse(readAll(socket.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The header fields of a response's {@code head} (status line first), by name as sent. */
    public static Map<String, List<String>> headers(String head) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        String[] lines = head.split("\r\n");
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(lines[i].substring(0, colon).strip(), name -> new ArrayList<>())
                        .add(lines[i].substring(colon + 1).strip());
            }
        }
        return headers;
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                read.write(buffer, 0, n);
            }
        } catch (SocketException reset) {
            // A reset after the answer: keep what arrived.
        }
        return read.toByteArray();
    }

    private static Response parse(byte[] raw) {
        // One char per byte, so that chunk sizes (in bytes) index the text; the body is decoded as UTF-8 at the end.
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/1.1 ") || end < 0) {
            return new Response(0, text, "");
        }
        String head = text.substring(0, end);
        int status = Integer.parseInt(head.substring(9, 12));
        String body = text.substring(end + 4);
        if (head.toLowerCase().contains("transfer-encoding: chunked")) {
            body = unchunk(body);
        }
        return new Response(status, head, new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
    }

    private static String unchunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (at < chunked.length()) {
            int lineEnd = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
        return body.toString();
    }
}
