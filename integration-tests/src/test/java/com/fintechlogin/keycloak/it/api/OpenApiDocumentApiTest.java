package com.fintechlogin.keycloak.it.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fintechlogin.keycloak.it.support.ContractDocument;
import com.fintechlogin.keycloak.it.support.DemoRealm;
import com.fintechlogin.keycloak.it.support.FintechServerConfig;
import com.fintechlogin.keycloak.it.support.Http;

import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * {@code GET /realms/demo/fintech/openapi.json} and {@code /openapi.yaml}: the document the contract checks hold every
 * exchange to (read from the authenticators JAR) is the one the realm serves, with the realm's real URLs in its servers.
 */
@KeycloakIntegrationTest(config = FintechServerConfig.class)
class OpenApiDocumentApiTest {

    private static final YAMLMapper YAML = new YAMLMapper();

    @InjectRealm(fromJson = DemoRealm.JSON, lifecycle = LifeCycle.GLOBAL)
    ManagedRealm realm;

    @Test
    void theJsonDocumentNamesTheRealmsUrlsAndIsTheDocumentTheTestsCheckAgainst() throws IOException {
        Http.Answer answer = Http.get(realm.getBaseUrl() + "/fintech/openapi.json", Map.of());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonNode served = answer.json();
        assertThat(served.at("/servers/0/url").asText()).isEqualTo(realm.getBaseUrl() + "/fintech");
        assertThat(served.at("/paths/~1users~1{userId}~1pin/servers/0/url").asText())
                .isEqualTo(realm.getBaseUrl().replace("/realms/", "/admin/realms/") + "/fintech");
        assertThat(withoutServers(served)).isEqualTo(withoutServers(classpathDocument()));
    }

    @Test
    void theYamlDocumentIsTheSameDocument() throws IOException {
        Http.Answer json = Http.get(realm.getBaseUrl() + "/fintech/openapi.json", Map.of());
        Http.Answer yaml = Http.get(realm.getBaseUrl() + "/fintech/openapi.yaml", Map.of());

        assertThat(yaml.status()).isEqualTo(200);
        assertThat(yaml.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/yaml"));
        assertThat(YAML.readTree(yaml.body())).isEqualTo(json.json());
    }

    @Test
    void aClientWithTheCurrentCopyIsToldSo() {
        Http.Answer first = Http.get(realm.getBaseUrl() + "/fintech/openapi.json", Map.of());
        String etag = first.headers().firstValue("ETag").orElseThrow();

        Http.Answer again = Http.get(realm.getBaseUrl() + "/fintech/openapi.json", Map.of("If-None-Match", etag));

        assertThat(again.status()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(first.headers().firstValue("Cache-Control")).hasValueSatisfying(value -> assertThat(value).contains("max-age="));
    }

    private static JsonNode classpathDocument() throws IOException {
        try (InputStream in = OpenApiDocumentApiTest.class.getResourceAsStream(ContractDocument.RESOURCE)) {
            return YAML.readTree(in);
        }
    }

    /** The document without any {@code servers}: those are what the realm fills in. */
    private static JsonNode withoutServers(JsonNode document) {
        ObjectNode copy = document.deepCopy();
        copy.remove("servers");
        copy.path("paths").forEach(pathItem -> ((ObjectNode) pathItem).remove("servers"));
        return copy;
    }
}
