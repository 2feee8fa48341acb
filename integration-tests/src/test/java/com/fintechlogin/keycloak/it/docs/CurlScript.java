package com.fintechlogin.keycloak.it.docs;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fintechlogin.keycloak.it.support.UsedSecrets;

/**
 * Runs shell text as a reader pastes it into bash, in the repository's root, and reports what each curl in it
 * answered. curl itself is wrapped by a shell function that only watches: it keeps the HTTP status of every request
 * (in the order they were sent, command substitutions included) and the arguments, so that the secrets sent can be
 * looked for in the server logs afterwards ({@link UsedSecrets}). The requests go out exactly as written.
 */
final class CurlScript {

    static final Path REPOSITORY = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();

    private static final long TIMEOUT_SECONDS = 120;
    /** Ends the arguments of one curl call in the arguments log (NUL-separated, like the arguments). */
    private static final String END_OF_CALL = "--end-of-curl-call--";
    /** Requests whose secrets are recorded: the demo realm's. The master realm's admin/admin is no secret of the project. */
    private static final String RECORDED_REALM_PATH = "/realms/demo/";

    private static final String CURL_WATCHER = """
            curl() {
                local headers status
                headers=$(mktemp)
                printf '%s\\0' "$@" '__END__' >> "$CURL_ARGUMENTS_LOG"
                command curl -D "$headers" "$@"
                local exit_code=$?
                status=$(grep -a '^HTTP/' "$headers" | tail -n 1 | cut -d ' ' -f 2)
                printf '%s\\n' "${status:-none}" >> "$CURL_STATUS_LOG"
                rm -f "$headers"
                return $exit_code
            }
            """.replace("__END__", END_OF_CALL);

    private static final ObjectMapper JSON = new ObjectMapper();

    private CurlScript() {
    }

    /** What running the text gave: bash's exit code, its output, and the HTTP status of every curl call in order. */
    record Run(int exitCode, String stdout, String stderr, List<String> statuses) {

        /** The status of the last request sent. */
        String lastStatus() {
            return statuses.isEmpty() ? "no request" : statuses.get(statuses.size() - 1);
        }

        List<String> statusesBeforeTheLast() {
            return statuses.isEmpty() ? List.of() : statuses.subList(0, statuses.size() - 1);
        }

        String describe() {
            return "exit code " + exitCode + ", statuses " + statuses + "\n--- stdout:\n" + stdout + "\n--- stderr:\n" + stderr;
        }
    }

    /** Runs {@code script} with bash; {@code environment} adds variables (the documented examples need none). */
    static Run run(String script, Map<String, String> environment) {
        try {
            Path work = Files.createTempDirectory("documented-curl");
            Path file = work.resolve("example.sh");
            Path statuses = work.resolve("statuses");
            Path arguments = work.resolve("arguments");
            Path stdout = work.resolve("stdout");
            Path stderr = work.resolve("stderr");
            Files.writeString(file, CURL_WATCHER + "\n" + script, StandardCharsets.UTF_8);
            Files.createFile(statuses);
            Files.createFile(arguments);

            ProcessBuilder bash = new ProcessBuilder("bash", "--noprofile", "--norc", file.toString())
                    .directory(REPOSITORY.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile());
            bash.environment().putAll(environment);
            bash.environment().put("CURL_STATUS_LOG", statuses.toString());
            bash.environment().put("CURL_ARGUMENTS_LOG", arguments.toString());
            // The JDK of this run comes first, for an example that runs a Java helper with the source launcher.
            bash.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + bash.environment().get("PATH"));
            Process process = bash.start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("The example did not finish within " + TIMEOUT_SECONDS + " s:\n" + script);
            }
            recordSecrets(Files.readString(arguments, StandardCharsets.UTF_8));
            return new Run(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                    Files.readString(stderr, StandardCharsets.UTF_8), Files.readAllLines(statuses, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Records the secret headers and fields of every call to the demo realm, as the Java tests record theirs. */
    private static void recordSecrets(String argumentsLog) {
        List<String> call = new ArrayList<>();
        for (String argument : argumentsLog.split("\0")) {
            if (!argument.equals(END_OF_CALL)) {
                call.add(argument);
                continue;
            }
            if (call.stream().anyMatch(a -> a.startsWith("http") && a.contains(RECORDED_REALM_PATH))) {
                recordCall(call);
            }
            call.clear();
        }
    }

    private static void recordCall(List<String> arguments) {
        for (int i = 0; i + 1 < arguments.size(); i++) {
            String option = arguments.get(i);
            String value = arguments.get(i + 1);
            if (value.startsWith("@")) {
                continue;  // a file's content: not an argument, and the documented examples send none that way
            }
            switch (option) {
                case "-H", "--header" -> {
                    int colon = value.indexOf(':');
                    if (colon > 0) {
                        UsedSecrets.recordRequest(Map.of(value.substring(0, colon).strip(), value.substring(colon + 1).strip()), null, null);
                    }
                }
                case "-d", "--data", "--data-raw", "--data-binary", "--data-urlencode" -> recordBody(value);
                default -> {
                    // not a secret-bearing option
                }
            }
        }
    }

    private static void recordBody(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        UsedSecrets.recordRequest(Map.of(), isJsonObject(body) ? "application/json" : "application/x-www-form-urlencoded", bytes);
    }

    private static boolean isJsonObject(String body) {
        try {
            JsonNode json = JSON.readTree(body);
            return json != null && json.isObject();
        } catch (IOException notJson) {
            // The seed 000 sample's trailing comma, or a form field: recorded as a form.
            return false;
        }
    }
}
