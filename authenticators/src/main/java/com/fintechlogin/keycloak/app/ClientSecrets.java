package com.fintechlogin.keycloak.app;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.client.ClientIdAndSecretAuthenticator;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.oidc.OIDCClientSecretConfigWrapper;
import org.keycloak.vault.VaultStringSecret;

/**
 * Authenticates an app by client id and secret the way Keycloak's "Client Id and Secret" authenticator does:
 * an enabled confidential client using that authenticator, its current secret (vault references resolved) or
 * its rotated secret while that is valid, compared in constant time — except that a secret held in the vault must be
 * there.
 */
public final class ClientSecrets {

    private static final Logger LOG = Logger.getLogger(ClientSecrets.class);
    /** Keycloak's own form of a vault reference. */
    private static final Pattern VAULT_REFERENCE = Pattern.compile("^\\$\\{vault\\.(.+)}$");

    private ClientSecrets() {
    }

    /** The authenticated client, or {@code null}. */
    public static ClientModel authenticate(KeycloakSession session, RealmModel realm, String clientId, String secret) {
        if (clientId == null || secret == null) {
            return null;
        }
        ClientModel client = realm.getClientByClientId(clientId);
        if (client == null || !client.isEnabled() || client.isPublicClient() || client.isBearerOnly()
                || !ClientIdAndSecretAuthenticator.PROVIDER_ID.equals(client.getClientAuthenticatorType())
                || client.getSecret() == null) {
            return null;
        }
        OIDCClientSecretConfigWrapper secrets = OIDCClientSecretConfigWrapper.fromClientModel(client);
        boolean valid = secrets.validateSecret(session, secret) || secrets.validateRotatedSecret(session, secret);
        if (valid && secret.equals(client.getSecret()) && VAULT_REFERENCE.matcher(secret).matches()) {
            // Keycloak matched the reference's own text: its vault entry is missing. Told without a second vault read.
            logMissing(realm, client, VAULT_REFERENCE.matcher(secret).replaceFirst("$1"));
            return null;
        }
        return valid ? client : null;
    }

    /**
     * Whether the login's client is one whose secret is missing from the vault: its direct-grant logins are refused
     * at the first step, the token endpoint's as well as the APIs', since Keycloak accepted the reference's text (and
     * an app token it issued for it carries no trace of that). One vault read per login, only for a client whose
     * secret is a vault reference.
     */
    public static boolean missingVaultEntry(AuthenticationFlowContext context) {
        return missingVaultEntry(context.getSession(), context.getRealm(), context.getAuthenticationSession().getClient()).isPresent();
    }

    /**
     * The vault key of a client secret that is a {@code ${vault.<key>}} reference without an entry. Keycloak then
     * compares the presented secret with the reference's own text, which anyone who read a realm file knows: such a
     * client must not sign anyone in until an admin writes the entry. Logged as an error for that admin.
     */
    public static Optional<String> missingVaultEntry(KeycloakSession session, RealmModel realm, ClientModel client) {
        String stored = client.getSecret();
        Matcher reference = stored == null ? null : VAULT_REFERENCE.matcher(stored);
        if (reference == null || !reference.matches()) {
            return Optional.empty();
        }
        try (VaultStringSecret entry = session.vault().getStringSecret(stored)) {
            if (entry.get().filter(value -> !value.isEmpty()).isPresent()) {
                return Optional.empty();
            }
        }
        logMissing(realm, client, reference.group(1));
        return Optional.of(reference.group(1));
    }

    private static void logMissing(RealmModel realm, ClientModel client, String vaultKey) {
        LOG.errorf("Client %s of realm %s keeps its secret in the vault under the key '%s', which has no entry: the client is refused"
                + " until an admin writes it", client.getClientId(), realm.getName(), vaultKey);
    }
}
