package com.fintechlogin.keycloak.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.email.EmailException;

class CredentialMailerTest {

    @Test
    void onlyARealmWithAnSmtpHostSendsMail() {
        assertThat(CredentialMailer.smtpConfigured(null)).isFalse();
        assertThat(CredentialMailer.smtpConfigured(Map.of())).isFalse();
        assertThat(CredentialMailer.smtpConfigured(Map.of("host", " ", "port", "25"))).isFalse();
        Map<String, String> withoutHost = new HashMap<>();
        withoutHost.put("host", null);
        assertThat(CredentialMailer.smtpConfigured(withoutHost)).isFalse();
        assertThat(CredentialMailer.smtpConfigured(Map.of("host", "smtp.bank.example"))).isTrue();
    }

    @Test
    void theRealmIsCalledByItsDisplayNameWhenItHasOne() {
        assertThat(CredentialMailer.realmTitle("Fintech login demo", "demo")).isEqualTo("Fintech login demo");
        assertThat(CredentialMailer.realmTitle(" ", "demo")).isEqualTo("demo");
        assertThat(CredentialMailer.realmTitle(null, "demo")).isEqualTo("demo");
    }

    @Test
    void theAppIsCalledByItsNameUnlessTheNameIsAMessageKey() {
        assertThat(CredentialMailer.appName("MOB-APP-2001", "Mobile banking")).isEqualTo("Mobile banking");
        assertThat(CredentialMailer.appName("account-console", "${client_account-console}")).isEqualTo("account-console");
        assertThat(CredentialMailer.appName("MOB-APP-2001", "")).isEqualTo("MOB-APP-2001");
        assertThat(CredentialMailer.appName("MOB-APP-2001", null)).isEqualTo("MOB-APP-2001");
    }

    @Test
    void aFailureIsLoggedByItsClassesNotItsMessagesWhichQuoteTheRecipient() {
        EmailException failure = new EmailException("Error sending to someone@bank.example",
                new IllegalStateException("550 5.1.1 <someone@bank.example>: Recipient address rejected"));

        String logged = CredentialMailer.causes(failure);

        assertThat(logged).startsWith("org.keycloak.email.EmailException at ").contains(" <- java.lang.IllegalStateException at ")
                .doesNotContain("@", "someone", "address rejected");
    }
}
