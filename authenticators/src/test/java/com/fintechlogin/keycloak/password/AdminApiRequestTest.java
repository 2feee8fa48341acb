package com.fintechlogin.keycloak.password;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AdminApiRequestTest {

    @Test
    void theAdminApiIsRecognisedWithOrWithoutARelativePath() {
        assertThat(AdminApiRequest.isAdminPath("/admin/realms")).isTrue();
        assertThat(AdminApiRequest.isAdminPath("/admin/realms/demo/attack-detection/brute-force/users/42")).isTrue();
        assertThat(AdminApiRequest.isAdminPath("/auth/admin/realms/demo/users")).isTrue();
        assertThat(AdminApiRequest.isAdminPath("/sso/keycloak/admin/realms/demo/users")).isTrue();
    }

    @Test
    void aLoginPathThatNamesTheAdminApiInsideARealmIsALogin() {
        // Every login endpoint is under /realms/{realm}/; a path there may carry a name of the caller's choosing.
        assertThat(AdminApiRequest.isAdminPath("/realms/demo/broker/x/admin/realms/endpoint")).isFalse();
        assertThat(AdminApiRequest.isAdminPath("/auth/realms/demo/login-actions/admin/realms")).isFalse();
        assertThat(AdminApiRequest.isAdminPath("/realms/admin/realms")).isFalse();
    }

    @Test
    void anEncodedSlashIsPartOfItsSegment() {
        assertThat(AdminApiRequest.isAdminPath("/realms/demo/broker/x%2Fadmin%2Frealms/endpoint")).isFalse();
        assertThat(AdminApiRequest.isAdminPath("/x%2Fadmin%2Frealms")).isFalse();
    }

    @Test
    void aSegmentThatOnlyBeginsLikeTheAdminApiIsNotIt() {
        assertThat(AdminApiRequest.isAdminPath("/admin/realmsx/demo")).isFalse();
        assertThat(AdminApiRequest.isAdminPath("/realms/demo/protocol/openid-connect/token")).isFalse();
        assertThat(AdminApiRequest.isAdminPath("")).isFalse();
    }
}
