package com.fintechlogin.keycloak.api.emailpassword;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class EmailPasswordRequestTest {

    private static EmailPasswordRequest parse(String json) {
        return EmailPasswordRequest.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsTheDocumentedSample() {
        EmailPasswordRequest request = parse("{\n\"emailId\": \"Your email\",\n\"password\": \"Your password\"\n}");

        assertThat(request).isEqualTo(new EmailPasswordRequest("Your email", "Your password"));
    }

    @Test
    void keepsThePasswordExactlyAsSent() {
        assertThat(parse("{\"emailId\": \" a@b.c \", \"password\": \" secret \"}"))
                .isEqualTo(new EmailPasswordRequest("a@b.c", " secret "));
    }

    @Test
    void refusesMissingOrOversizedFields() {
        assertThat(parse("{\"emailId\": \"a@b.c\"}")).isNull();
        assertThat(parse("{\"password\": \"x\"}")).isNull();
        assertThat(parse("{\"emailId\": \"a@b.c\", \"password\": \"" + "x".repeat(EmailPasswordRequest.MAX_PASSWORD_LENGTH + 1) + "\"}")).isNull();
    }

    @Test
    void neverPrintsThePassword() {
        assertThat(parse("{\"emailId\": \"a@b.c\", \"password\": \"hunter2\"}").toString()).doesNotContain("hunter2");
    }
}
