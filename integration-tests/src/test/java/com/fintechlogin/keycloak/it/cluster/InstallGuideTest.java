package com.fintechlogin.keycloak.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The admin guide's install section, run as written on a stock Keycloak 26.7.3 in production mode on PostgreSQL with
 * TLS: vault, JARs, build, the realm tool's realm file, import, bootstrap admin, start, and the realm tool's merge. Only
 * these are replaced in the commands: Keycloak's directory ({@code /opt/keycloak}), the database's host and name, and
 * the public host name ({@code login.example.com}, here {@code localhost:8443}); the environment holds the passwords
 * the commands read, and a trust store with the test's self-signed certificate for the realm tool's Java.
 */
@Tag("cluster")
class InstallGuideTest {

    private static final Path REPOSITORY = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();
    private static final Path GUIDE = REPOSITORY.resolve("docs/admin-guide.md");
    private static final String DATABASE = "keycloak_install";
    private static final String PUBLIC_URL = "https://localhost:8443";
    private static final String MOB_APP_SECRET = "install-guide-mob-app-secret";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theInstallCommandsBringUpAWorkingRealmOnAProductionBuildWithTls() throws Exception {
        Path work = Path.of(System.getProperty("cluster.work.dir")).toAbsolutePath().resolveSibling("install");
        Trees.delete(work);
        Files.createDirectories(work);
        Path home = work.resolve("keycloak");
        Trees.copy(Path.of(System.getProperty("keycloak.dist.dir")), home);
        Postgres.recreateDatabase(DATABASE, Path.of(System.getProperty("postgres.script")).toAbsolutePath(), work.resolve("postgres.log"));
        Path trustStore = certificate(home, work);

        Map<String, String> replace = new LinkedHashMap<>();
        replace.put("/opt/keycloak", home.toString());
        replace.put("db.example:5432/keycloak", "127.0.0.1:5432/" + DATABASE);
        replace.put("login.example.com", "localhost:8443");
        Map<String, String> environment = new HashMap<>(Map.of(
                "JAVA_HOME", System.getProperty("java.home"),
                "JAVA_OPTS_KC_HEAP", "-Xms256m -Xmx1g",
                "DB_PASSWORD", Postgres.PASSWORD,
                "KC_ADMIN_PASSWORD", "Install-Guide-Admin-" + System.nanoTime(),
                "MOB_APP_SECRET", MOB_APP_SECRET,
                "JAVA_TOOL_OPTIONS", "-Djavax.net.ssl.trustStore=" + trustStore + " -Djavax.net.ssl.trustStorePassword=changeit"));

        List<InstallGuide.Block> blocks = InstallGuide.read(GUIDE);
        assertThat(blocks).extracting(InstallGuide.Block::where).contains(InstallGuide.Where.START);
        Process keycloak = null;
        List<String> toolOutputs = new ArrayList<>();
        try {
            for (int i = 0; i < blocks.size(); i++) {
                InstallGuide.Block block = blocks.get(i);
                String script = block.script();
                for (Map.Entry<String, String> entry : replace.entrySet()) {
                    script = script.replace(entry.getKey(), entry.getValue());
                }
                Path log = work.resolve("step-" + (i + 1) + ".log");
                Files.writeString(work.resolve("step-" + (i + 1) + ".sh"), "# docs/admin-guide.md:" + block.line() + "\n" + script);
                List<String> command = List.of("bash", "-euo", "pipefail", "-c", script);
                switch (block.where()) {
                    case REPOSITORY -> Commands.run(command, REPOSITORY, environment, log, Duration.ofMinutes(5));
                    case KEYCLOAK -> Commands.run(command, home, environment, log, Duration.ofMinutes(5));
                    case START -> {
                        ProcessBuilder start = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
                        start.environment().putAll(environment);
                        keycloak = start.start();
                        awaitReady(keycloak, trustStore, log);
                    }
                }
                if (block.script().contains("fintech-realm-tool.jar merge")) {
                    toolOutputs.add(Files.readString(log));
                }
            }

            assertThat(toolOutputs).as("the guide's merge commands").isNotEmpty()
                    .allSatisfy(output -> assertThat(output).as("a realm imported from the realm file already has it all").contains("Nothing to change."));
            HttpClient https = https(trustStore);
            HttpResponse<String> token = https.send(HttpRequest.newBuilder(URI.create(PUBLIC_URL + "/realms/myrealm/fintech/market-place/v1/token"))
                    .POST(HttpRequest.BodyPublishers.noBody()).header("X-API-KEY", "MOB-APP").header("X-API-SECRET", MOB_APP_SECRET).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(token.statusCode()).as("Get Token with the secret from the vault: %s", token.body()).isEqualTo(200);
            String jwt = JSON.readTree(token.body()).at("/data/token").asText();
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
            assertThat(claims.get("iss").asText()).as("the issuer follows --hostname").isEqualTo(PUBLIC_URL + "/realms/myrealm");

            // The guide's build turns the metrics on: the management port serves the app's login, over TLS.
            HttpResponse<String> metrics = https.send(HttpRequest.newBuilder(URI.create("https://localhost:9000/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(metrics.statusCode()).as("GET /metrics on the management port").isEqualTo(200);
            assertThat(metrics.body()).as("/metrics after the Get Token login")
                    .containsPattern("fintech_login_attempts_total\\{api=\"get-token\",client=\"MOB-APP\",outcome=\"success\",realm=\"myrealm\"} [1-9]")
                    .containsPattern("fintech_login_duration_seconds_bucket\\{api=\"get-token\",")
                    .containsPattern("keycloak_user_events_total\\{error=\"\",event=\"client_login\",realm=\"myrealm\"} [1-9]");
        } finally {
            if (keycloak != null) {
                keycloak.descendants().forEach(ProcessHandle::destroy);
                keycloak.destroy();
                keycloak.waitFor();
            }
        }
    }

    /** A self-signed certificate for localhost where the guide's start command reads it, and a trust store holding it. */
    private static Path certificate(Path home, Path work) {
        Path conf = home.resolve("conf");
        Commands.run(List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=localhost",
                "-addext", "subjectAltName=DNS:localhost", "-keyout", conf.resolve("tls.key").toString(), "-out", conf.resolve("tls.crt").toString()),
                work, Map.of(), work.resolve("openssl.log"), Duration.ofMinutes(1));
        Path trustStore = work.resolve("truststore.p12");
        Commands.run(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-importcert", "-noprompt", "-alias", "keycloak",
                "-file", conf.resolve("tls.crt").toString(), "-keystore", trustStore.toString(), "-storetype", "PKCS12", "-storepass", "changeit"),
                work, Map.of(), work.resolve("keytool.log"), Duration.ofMinutes(1));
        return trustStore;
    }

    private static HttpClient https(Path trustStore) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(trustStore)) {
            store.load(in, "changeit".toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, trust.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Health over TLS on the management port, and the realm on the public URL. */
    private static void awaitReady(Process keycloak, Path trustStore, Path log) throws Exception {
        HttpClient https = https(trustStore);
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (!(answers200(https, "https://localhost:9000/health/ready") && answers200(https, PUBLIC_URL + "/realms/myrealm"))) {
            if (!keycloak.isAlive()) {
                throw new AssertionError("Keycloak exited (status " + keycloak.exitValue() + ") before it was ready:\n" + Logs.tail(log, 40));
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Keycloak not ready within 3 minutes:\n" + Logs.tail(log, 40));
            }
            Thread.sleep(500);
        }
    }

    private static boolean answers200(HttpClient https, String url) throws InterruptedException {
        try {
            return https.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }
}
