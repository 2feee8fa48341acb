package com.fintechlogin.keycloak.it.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reading the log files the harness writes: a node's, a build's, a script's. */
final class Logs {

    private Logs() {
    }

    /** The last {@code lines} lines of the file, for failure messages; says so when there is no file. */
    static String tail(Path file, int lines) {
        List<String> all = readLines(file);
        if (all == null) {
            return "(no log file " + file + ")";
        }
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    /** All lines of the file, or null when it does not exist (yet). Bytes that are not UTF-8 are replaced. */
    static List<String> readLines(Path file) {
        if (!Files.exists(file)) {
            return null;
        }
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
