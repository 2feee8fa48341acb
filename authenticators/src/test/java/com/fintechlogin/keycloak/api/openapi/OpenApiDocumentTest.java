package com.fintechlogin.keycloak.api.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

import org.junit.jupiter.api.Test;

class OpenApiDocumentTest {

    private static final Map<String, String> REALM = Map.of(
            OpenApiDocument.KEYCLOAK_VARIABLE, "https://sso.example.com/auth",
            OpenApiDocument.KEYCLOAK_ADMIN_VARIABLE, "https://admin.example.com/auth",
            OpenApiDocument.REALM_VARIABLE, "my%20realm");

    @Test
    void parsesAsOpenApi31WithoutErrorsOrWarnings() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);

        SwaggerParseResult result = new OpenAPIV3Parser().readContents(OpenApiDocument.text(), null, options);

        assertThat(result.getMessages()).isEmpty();
        assertThat(result.getOpenAPI().getSpecVersion()).isEqualTo(SpecVersion.V31);
        assertThat(result.getOpenAPI().getOpenapi()).isEqualTo("3.1.0");
    }

    @Test
    void theServedCopyNamesTheRealmsUrlsWithoutVariables() {
        ObjectNode served = OpenApiDocument.withServerVariables(REALM);

        assertThat(served.at("/servers/0/url").asText()).isEqualTo("https://sso.example.com/auth/realms/my%20realm/fintech");
        assertThat(served.at("/paths/~1users~1{userId}~1pin/servers/0/url").asText())
                .isEqualTo("https://admin.example.com/auth/admin/realms/my%20realm/fintech");
        assertThat(servers(served)).isNotEmpty().allSatisfy(server -> {
            assertThat(server.path("url").asText()).doesNotContain("{", "}");
            assertThat(server.has("variables")).isFalse();
        });
    }

    @Test
    void everyCallerGetsADocumentOfItsOwn() {
        ObjectNode first = OpenApiDocument.withServerVariables(REALM);
        first.putArray("servers");

        ObjectNode second = OpenApiDocument.withServerVariables(Map.of());

        assertThat(second.at("/servers/0/url").asText()).isEqualTo("{keycloak}/realms/{realm}/fintech");
        assertThat(second.at("/servers/0/variables/realm/default").asText()).isEqualTo("demo");
    }

    /** Every server object of the document: its own, each path's, each operation's. */
    private static List<JsonNode> servers(JsonNode document) {
        List<JsonNode> servers = new ArrayList<>();
        document.path("servers").forEach(servers::add);
        document.path("paths").forEach(pathItem -> {
            pathItem.path("servers").forEach(servers::add);
            pathItem.forEach(operation -> operation.path("servers").forEach(servers::add));
        });
        return servers;
    }
}
