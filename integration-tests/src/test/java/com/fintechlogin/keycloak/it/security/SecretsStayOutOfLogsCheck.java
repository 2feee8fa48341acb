package com.fintechlogin.keycloak.it.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fintechlogin.keycloak.it.support.DemoRealm;
import com.fintechlogin.keycloak.it.support.FintechServerConfig;
import com.fintechlogin.keycloak.it.support.ServerLog;
import com.fintechlogin.keycloak.it.support.UsedSecrets;

import org.junit.jupiter.api.Test;

/**
 * Runs after every other test (its own Surefire execution, see the POM): the logs of every server the run started —
 * with every login and admin event in them — hold none of the secrets the tests used.
 */
class SecretsStayOutOfLogsCheck {

    /** Secret-bearing names in the realm JSON: client secrets, credential values, vault-like attributes. */
    private static final Pattern SECRET_NAME = Pattern.compile("(?i)(secret|.*[.-](secret|processor-key|pepper|api-?key))");
    /** Short all-digit secrets (PINs) count only as a token of their own, not inside timestamps or ids. */
    private static final int SHORT = 8;

    @Test
    void noSecretUsedInTheRunAppearsInAnyServerLog() throws IOException {
        Set<String> secrets = new LinkedHashSet<>(UsedSecrets.all());
        secrets.addAll(realmJsonSecrets());
        secrets.add(FintechServerConfig.PIN_PEPPER);
        secrets.add(FintechServerConfig.VAULT_SECRET);
        // A test sends the seed-002 sample affiliate id (a client id, in every event) as a malformed checksum.
        secrets.removeAll(realmJsonClientIds());
        secrets.removeIf(secret -> secret.length() < 4);
        List<Path> logs = serverLogs();

        assertThat(logs).as("server logs of this run").contains(ServerLog.FILE);
        assertThat(UsedSecrets.all()).as("secrets recorded as the tests sent them").isNotEmpty();
        List<String> leaks = new ArrayList<>();
        for (Path log : logs) {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            for (String secret : secrets) {
                Pattern found = pattern(secret);
                for (int n = 0; n < lines.size(); n++) {
                    if (found.matcher(lines.get(n)).find()) {
                        leaks.add(log.getFileName() + ":" + (n + 1) + " holds a secret of " + secret.length() + " characters starting '"
                                + secret.substring(0, 2) + "…': " + lines.get(n).replace(secret, "<SECRET>"));
                    }
                }
            }
        }
        System.out.printf("Looked for %d secrets in %d server logs (%s)%n", secrets.size(), logs.size(), logs);
        assertThat(leaks).as("secrets in server logs").isEmpty();
    }

    private static Pattern pattern(String secret) {
        String quoted = Pattern.quote(secret);
        return secret.length() < SHORT && secret.chars().allMatch(Character::isDigit)
                ? Pattern.compile("(?<![\\w.:,-])" + quoted + "(?![\\w.:,-])")
                : Pattern.compile(quoted);
    }

    /** The framework's server log and those of any other server a test started under target/ (the cluster nodes). */
    private static List<Path> serverLogs() throws IOException {
        try (Stream<Path> files = Files.walk(ServerLog.FILE.getParent(), 3)) {
            return files.filter(p -> p.toString().endsWith(".log") && Files.isRegularFile(p)).sorted().toList();
        }
    }

    private static Set<String> realmJsonSecrets() throws IOException {
        Set<String> secrets = new LinkedHashSet<>();
        try (InputStream json = SecretsStayOutOfLogsCheck.class.getResourceAsStream(DemoRealm.JSON)) {
            collect(new ObjectMapper().readTree(json), null, secrets);
        }
        return secrets;
    }

    private static Set<String> realmJsonClientIds() throws IOException {
        Set<String> clientIds = new LinkedHashSet<>();
        try (InputStream json = SecretsStayOutOfLogsCheck.class.getResourceAsStream(DemoRealm.JSON)) {
            new ObjectMapper().readTree(json).findValues("clientId").forEach(id -> clientIds.add(id.asText()));
        }
        return clientIds;
    }

    private static void collect(JsonNode node, String name, Set<String> secrets) throws IOException {
        if (node.isObject()) {
            boolean credential = node.has("type") && node.has("secretData") || node.has("type") && node.has("value");
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (credential && field.getKey().equals("value") && field.getValue().isTextual()) {
                    secrets.add(field.getValue().asText());
                } else if (credential && field.getKey().equals("secretData") && field.getValue().isTextual()) {
                    JsonNode secretData = new ObjectMapper().readTree(field.getValue().asText());
                    secretData.findValues("value").forEach(v -> secrets.add(v.asText()));
                } else {
                    collect(field.getValue(), field.getKey(), secrets);
                }
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                collect(element, name, secrets);
            }
        } else if (node.isTextual() && name != null && SECRET_NAME.matcher(name).matches() && !node.asText().startsWith("${vault.")) {
            secrets.add(node.asText());
        }
    }
}
