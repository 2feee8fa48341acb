package com.fintechlogin.keycloak.api.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OpenApiEndpointTest {

    @Test
    void aRealmNameBecomesOneUrlPathSegment() {
        assertThat(OpenApiEndpoint.pathSegment("demo")).isEqualTo("demo");
        assertThat(OpenApiEndpoint.pathSegment("my realm/{x}?")).isEqualTo("my%20realm%2F%7Bx%7D%3F");
        assertThat(OpenApiEndpoint.pathSegment("bank-é")).isEqualTo("bank-%C3%A9");
    }
}
