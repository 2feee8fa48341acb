package com.fintechlogin.keycloak.api.manage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class UserBearerTokenTest {

    private static String jws(String header) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return base64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString("{\"sub\":\"u\"}".getBytes(StandardCharsets.UTF_8)) + ".c2ln";
    }

    @Test
    void aServiceAccountIsNotAUserEvenWhenEnabled() {
        assertThat(UserBearerToken.refusal(true, true)).isEqualTo(ManageFailure.NOT_A_USER);
        assertThat(UserBearerToken.refusal(true, false)).isEqualTo(ManageFailure.NOT_A_USER);
    }

    @Test
    void aDisabledUserIsRefusedAndAnEnabledOneAccepted() {
        assertThat(UserBearerToken.refusal(false, false)).isEqualTo(ManageFailure.USER_DISABLED);
        assertThat(UserBearerToken.refusal(false, true)).isNull();
    }

    @Test
    void aTokenNamingItsAlgorithmGoesOnToKeycloak() {
        assertThat(UserBearerToken.namesAnAlgorithm(jws("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"k\"}"))).isTrue();
    }

    @Test
    void aTokenKeycloakWouldFailOnWithA500IsRefusedFirst() {
        assertThat(UserBearerToken.namesAnAlgorithm(jws("{\"typ\":\"JWT\"}"))).isFalse();
        assertThat(UserBearerToken.namesAnAlgorithm(jws("null"))).isFalse();
    }

    @Test
    void somethingThatIsNoJwsIsRefused() {
        assertThat(UserBearerToken.namesAnAlgorithm("not-a-token")).isFalse();
        assertThat(UserBearerToken.namesAnAlgorithm("a.b.c.d")).isFalse();
        assertThat(UserBearerToken.namesAnAlgorithm(jws("{\"alg\":\"NOPE\"}"))).isFalse();
        assertThat(UserBearerToken.namesAnAlgorithm("%%%.%%%.%%%")).isFalse();
    }
}
