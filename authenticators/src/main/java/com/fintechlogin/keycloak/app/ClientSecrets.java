package com.fintechlogin.keycloak.app;

import org.keycloak.authentication.authenticators.client.ClientIdAndSecretAuthenticator;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.oidc.OIDCClientSecretConfigWrapper;

/**
 * Authenticates an app by client id and secret the way Keycloak's "Client Id and Secret" authenticator does:
 * an enabled confidential client using that authenticator, its current secret (vault references resolved) or
 * its rotated secret while that is valid, compared in constant time.
 */
public final class ClientSecrets {

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
        return valid ? client : null;
    }
}
