package com.fintechlogin.keycloak.it.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One Keycloak installation for a cluster node (or the PostgreSQL benchmark's one node): the unpacked distribution
 * copied, the project's JARs in {@code providers/}, and {@code kc.sh build} run with the build-time options every node of
 * the cluster shares.
 */
public final class KeycloakBuild {

    /** Build-time options: the database vendor, the clustered cache, the health checks, the file vault, the metrics. */
    public static List<String> buildOptions() {
        // The vault's directory is a start option (KeycloakNode): a build does not keep it.
        return List.of("--db=postgres", "--cache=ispn", "--health-enabled=true", "--vault=file", "--metrics-enabled=true",
                "--event-metrics-user-enabled=true");
    }

    private KeycloakBuild() {
    }

    /** Installs and builds into {@code home} (which must not exist yet). */
    public static void install(Path distribution, List<Path> providerJars, Path home, Path log) {
        if (!Files.isRegularFile(distribution.resolve("bin/kc.sh"))) {
            throw new AssertionError("No Keycloak distribution at " + distribution + " (integration-tests' pom unpacks it in process-test-resources)");
        }
        Trees.copy(distribution, home);
        try {
            for (Path jar : providerJars) {
                Files.copy(jar, home.resolve("providers").resolve(jar.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = new ArrayList<>(List.of("bash", "bin/kc.sh", "build"));
        command.addAll(buildOptions());
        Commands.run(command, home, Map.of("JAVA_HOME", System.getProperty("java.home")), log, Duration.ofMinutes(5));
    }
}
