package com.fintechlogin.keycloak.api.userlogin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class UserLoginRequestTest {

    private static UserLoginRequest parse(String json) {
        return UserLoginRequest.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsTheDocumentedSample() {
        UserLoginRequest request = parse("{\n\"emailId\": \"Your email\",\n\"password\": \"Your password\"\n}");

        assertThat(request).isEqualTo(new UserLoginRequest("Your email", "Your password"));
    }

    @Test
    void keepsThePasswordExactlyAsSent() {
        assertThat(parse("{\"emailId\": \" a@b.c \", \"password\": \" secret \"}"))
                .isEqualTo(new UserLoginRequest("a@b.c", " secret "));
    }

    @Test
    void refusesMissingOrOversizedFields() {
        assertThat(parse("{\"emailId\": \"a@b.c\"}")).isNull();
        assertThat(parse("{\"password\": \"x\"}")).isNull();
        assertThat(parse("{\"emailId\": \"a@b.c\", \"password\": \"" + "x".repeat(UserLoginRequest.MAX_PASSWORD_LENGTH + 1) + "\"}")).isNull();
    }

    @Test
    void neverPrintsThePassword() {
        assertThat(parse("{\"emailId\": \"a@b.c\", \"password\": \"hunter2\"}").toString()).doesNotContain("hunter2");
    }
}
