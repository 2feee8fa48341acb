package com.fintechlogin.keycloak.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/** The log file of the shared test server ({@link FintechServerConfig}), read from an offset on. */
public final class ServerLog {

    public static final Path FILE = Path.of(System.getProperty("user.dir"), "target", "keycloak-server.log").toAbsolutePath();

    private static final Pattern ERROR_LINE = Pattern.compile("^\\S+ \\S+ ERROR .*");
    private static final Pattern STACK_FRAME = Pattern.compile("^\\s+at [\\w$.]+\\(.*\\)\\s*$|^Caused by: .*");

    private ServerLog() {
    }

    /** Where the log ends now: what comes later is what happened after this call. */
    public static long end() {
        try {
            return Files.exists(FILE) ? Files.size(FILE) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String since(long offset) {
        try {
            byte[] all = Files.readAllBytes(FILE);
            return new String(all, (int) Math.min(offset, all.length), (int) Math.max(0, all.length - offset), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** ERROR lines and stack-trace lines: what an operator would page someone for. */
    public static List<String> errorsAndStackTraces(String log) {
        return log.lines().filter(line -> ERROR_LINE.matcher(line).matches() || STACK_FRAME.matcher(line).matches()).toList();
    }
}
