package com.fintechlogin.keycloak.keys;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.vault.DefaultVaultTranscriber;
import org.keycloak.vault.VaultProvider;
import org.keycloak.vault.VaultStringSecret;

/**
 * Keycloak's vault, bound to a realm named by the caller. Not {@code session.vault()}: Keycloak binds that to the
 * realm of the session's context at its first use in the session and keeps it, so an import or an admin request that
 * touched the vault under another realm (an admin of the master realm administering another) would read that realm's
 * entries.
 */
public final class RealmVault {

    private RealmVault() {
    }

    /** Reads {@code ${vault.<key>}} of {@code realm}; the caller closes the secret. */
    public static VaultStringSecret read(KeycloakSession session, RealmModel realm, String vaultKey) {
        ProviderFactory<VaultProvider> factory = session.getKeycloakSessionFactory().getProviderFactory(VaultProvider.class);
        VaultProvider provider = null;
        if (factory != null) {
            // A vault provider takes its realm from the session's context when it is created.
            RealmModel contextRealm = session.getContext().getRealm();
            if (contextRealm != null && contextRealm.getId().equals(realm.getId())) {
                provider = factory.create(session);
            } else {
                session.getContext().setRealm(realm);
                try {
                    provider = factory.create(session);
                } finally {
                    session.getContext().setRealm(contextRealm);
                }
            }
        }
        try {
            // A null provider (no vault configured) reads every entry as missing.
            return new DefaultVaultTranscriber(provider).getStringSecret("${vault." + vaultKey + "}");
        } finally {
            if (provider != null) {
                provider.close();
            }
        }
    }

    /**
     * Whether {@code realm}'s vault has an entry under {@code vaultKey} that is not empty once surrounding whitespace
     * is removed, as the extension's readers take an entry. The value is dropped at once.
     */
    public static boolean hasEntry(KeycloakSession session, RealmModel realm, String vaultKey) {
        try (VaultStringSecret secret = read(session, realm, vaultKey)) {
            return secret.get().filter(value -> !value.isBlank()).isPresent();
        }
    }
}
