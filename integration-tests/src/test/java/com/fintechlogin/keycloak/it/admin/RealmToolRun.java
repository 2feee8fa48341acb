package com.fintechlogin.keycloak.it.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.keycloak.testframework.config.Config;

/**
 * The realm tool as an admin runs it: {@code java -jar realm-tool/target/fintech-realm-tool.jar …} in a process of its
 * own, logged in to the test server with the framework's bootstrap admin client, its secret from the environment.
 */
record RealmToolRun(int exitCode, String output, String errors) {

    static final Path JAR = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent()
            .resolve("realm-tool/target/fintech-realm-tool.jar");
    static final String SERVER = "http://localhost:8080";
    private static final String SECRET_VARIABLE = "FINTECH_IT_ADMIN_SECRET";

    /** {@code merge} into {@code realm} as the framework's admin client, with {@code more} arguments. */
    static RealmToolRun merge(String realm, String... more) {
        List<String> args = new ArrayList<>(List.of("merge", "--server", SERVER, "--realm", realm,
                "--client-id", Config.getAdminClientId(), "--client-secret:env", SECRET_VARIABLE));
        args.addAll(List.of(more));
        return run(args);
    }

    static RealmToolRun run(List<String> args) {
        if (!Files.isRegularFile(JAR)) {
            throw new AssertionError(JAR + " is missing: the realm-tool module builds it (./test.sh builds every module)");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(args);
        try {
            Path out = Files.createTempFile("realm-tool", ".out");
            Path err = Files.createTempFile("realm-tool", ".err");
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().putAll(Map.of(SECRET_VARIABLE, Config.getAdminClientSecret()));
            Process process = builder.start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the realm tool did not finish in 120 s: " + command);
            }
            RealmToolRun run = new RealmToolRun(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
            Files.delete(out);
            Files.delete(err);
            if ((run.output() + run.errors()).contains(Config.getAdminClientSecret())) {
                throw new AssertionError("the realm tool printed the admin's secret");
            }
            // Shown in the test's output file, as the admin would see it.
            System.out.println("$ fintech-realm-tool " + String.join(" ", args) + "\n" + run.output() + run.errors() + "(exit " + run.exitCode() + ")");
            return run;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The plan's lines of one kind ({@code add}, {@code set}, {@code same}, {@code kept}), without the label. */
    List<String> lines(String kind) {
        return output.lines().filter(line -> line.startsWith("  " + kind + " ")).map(line -> line.substring(2 + kind.length()).strip()).toList();
    }
}
