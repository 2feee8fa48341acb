package com.fintechlogin.keycloak.limit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AttemptKeyTest {

    private static final String REALM_ID = "0b6d5f9e-2f4e-4c43-9d0a-6a1b3c2d4e5f";

    @Test
    void aKindMustFitItsColumn() {
        assertThat(new AttemptKey(REALM_ID, "u", "k".repeat(32)).kind()).hasSize(32);
        assertThatThrownBy(() -> new AttemptKey(REALM_ID, "u", "k".repeat(33)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFederatedUserIdFits() {
        String federated = "f:" + REALM_ID + ":" + "x".repeat(200);

        assertThat(new AttemptKey(REALM_ID, federated, CredentialKinds.PIN).userId()).isEqualTo(federated);
    }

    @Test
    void everyPartIsRequired() {
        assertThatThrownBy(() -> new AttemptKey(null, "u", CredentialKinds.PIN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AttemptKey(REALM_ID, " ", CredentialKinds.PIN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AttemptKey(REALM_ID, "u", ""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AttemptKey(REALM_ID + "x", "u", CredentialKinds.PIN))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
