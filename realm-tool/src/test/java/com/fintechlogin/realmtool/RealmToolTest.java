package com.fintechlogin.realmtool;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RealmToolTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return RealmTool.run(List.of(args), Map.<String, String>of()::get, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void aCommandLineItCannotRunExitsWithTwoAndTheUsage() {
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("error: unknown command 'frobnicate'").contains("Usage:");
        assertThat(run("merge", "--realm", "bank")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("error: --server is required");
    }

    @Test
    void theAdminsCredentialsGoInClearToNoOtherMachine() {
        assertThat(run("merge", "--server", "http://keycloak.example", "--realm", "bank", "--user", "admin")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--server must be an https:// URL (http:// only to localhost)");
    }

    @Test
    void realmFileWritesTheFileOnceAndNamesItsVaultEntries(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bank.json");

        assertThat(run("realm-file", "--realm", "bank", "--file", file.toString())).isZero();

        assertThat(Files.readString(file)).contains("\"realm\" : \"bank\"");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("bank_MOB-APP-secret", "bank_pin-pepper");
        assertThat(run("realm-file", "--realm", "bank", "--file", file.toString())).as("never overwritten").isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("exists");
    }
}
