package com.fintechlogin.keycloak.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class FintechAdminResourceProviderFactoryTest {

    @Test
    void servesTheAdminPathsUnderFintech() {
        assertThat(new FintechAdminResourceProviderFactory().getId()).isEqualTo("fintech");
    }

    @Test
    void isRegisteredForKeycloaksAdminExtensionSpi() throws IOException {
        String name = "META-INF/services/org.keycloak.services.resources.admin.ext.AdminRealmResourceProviderFactory";
        try (InputStream services = getClass().getClassLoader().getResourceAsStream(name)) {
            assertThat(services).isNotNull();
            assertThat(new String(services.readAllBytes(), StandardCharsets.UTF_8).lines())
                    .contains(FintechAdminResourceProviderFactory.class.getName());
        }
    }
}
