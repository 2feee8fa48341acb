package com.fintechlogin.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RequestPoolTest {

    @TempDir
    Path dir;

    @Test
    void aRequestIsWrittenAsItGoesOnTheWireWithTheHeadersTheFileStatesItself() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-API-KEY", "MOB-APP");
        headers.put("Content-Length", "999");
        headers.put("Host", "elsewhere");
        headers.put("Content-Type", "application/json");
        BenchRequest request = new BenchRequest("POST", URI.create("http://127.0.0.1:8380/realms/demo/fintech/x?a=b%20c"),
                headers, "{\"pin\":\"2580\"}".getBytes(StandardCharsets.UTF_8));

        String raw = new String(RequestPool.raw(request), StandardCharsets.UTF_8);

        assertThat(raw).startsWith("POST /realms/demo/fintech/x?a=b%20c HTTP/1.1\r\nHost: 127.0.0.1:8380\r\n")
                .contains("X-API-KEY: MOB-APP\r\n").contains("Content-Type: application/json\r\n")
                .contains("Content-Length: 14\r\n").doesNotContain("elsewhere").doesNotContain("999")
                .endsWith("\r\n\r\n{\"pin\":\"2580\"}");
    }

    @Test
    void requestsAreSplitOverTheThreadsFilesAndGoOnFromWhereTheLastPoolStopped() throws IOException {
        Scenario scenario = Scenario.baseline("s", "s", (worker, sequence) -> new BenchRequest("GET",
                URI.create("http://h/" + worker + "-" + sequence), null, null), Success.status2xx());

        List<Path> files = RequestPool.write(scenario, 8, 8, 4, 2, dir.resolve("pool"));

        assertThat(files).containsExactly(dir.resolve("pool.0"), dir.resolve("pool.1"));
        // Requests 8..15 of 4 workers: request i is worker i % 4, its sequence i / 4; thread (i - 8) % 2.
        assertThat(paths(files.get(0))).containsExactly("/0-2", "/2-2", "/0-3", "/2-3");
        assertThat(paths(files.get(1))).containsExactly("/1-2", "/3-2", "/1-3", "/3-3");
    }

    @Test
    void aBodyWithANulByteIsRefusedBecauseItWouldEndTheRequestInThePool() {
        BenchRequest request = new BenchRequest("POST", URI.create("http://h/"), null, new byte[] {'a', 0, 'b'});

        assertThatThrownBy(() -> RequestPool.raw(request)).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<String> paths(Path file) throws IOException {
        String all = Files.readString(file, StandardCharsets.UTF_8);
        List<String> paths = new ArrayList<>();
        for (String request : Arrays.asList(all.split("\0"))) {
            paths.add(request.substring("GET ".length(), request.indexOf(" HTTP/1.1")));
        }
        return paths;
    }
}
