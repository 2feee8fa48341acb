package com.fintechlogin.keycloak.it.cluster;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The project's two provider JARs, as the reactor packaged them: integration-tests declares both modules as test
 * dependencies, so in {@code verify} the test class path names their {@code target/*.jar}.
 */
public final class ProjectJars {

    private static final List<String> ARTIFACTS = List.of("keycloak-fintech-login-authenticators", "keycloak-fintech-login-themes");

    private ProjectJars() {
    }

    public static List<Path> find() {
        List<Path> classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator)).map(Path::of).toList();
        return ARTIFACTS.stream().map(artifact -> classPath.stream()
                .filter(entry -> entry.getFileName().toString().startsWith(artifact + "-") && entry.toString().endsWith(".jar"))
                .filter(Files::isRegularFile)
                .findFirst()
                .orElseThrow(() -> new AssertionError("No packaged " + artifact + " JAR on the test class path (run `verify`, not `test`, "
                        + "so that the reactor packages it first): " + classPath)))
                .toList();
    }
}
