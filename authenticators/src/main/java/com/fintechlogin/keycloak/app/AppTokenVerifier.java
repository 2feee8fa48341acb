package com.fintechlogin.keycloak.app;

import java.util.List;

import org.keycloak.TokenVerifier;
import org.keycloak.common.VerificationException;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.protocol.oidc.TokenManager;
import org.keycloak.representations.AccessToken;
import org.keycloak.services.Urls;
import org.keycloak.util.TokenUtil;

/**
 * Decides whether a token an app presents ({@code X-API-TOKEN}) is that app's own token: an access token of
 * this realm, signed with one of the realm's keys, active, not revoked, issued to the named client and to
 * that client's service account rather than to a user. The one place this is decided.
 */
public final class AppTokenVerifier {

    /** No access token of this realm comes near this; longer values are refused unparsed. */
    public static final int MAX_TOKEN_LENGTH = 16 * 1024;

    private static final String BEARER = "Bearer";

    private final KeycloakSession session;

    public AppTokenVerifier(KeycloakSession session) {
        this.session = session;
    }

    /** The token without an optional {@code Bearer } prefix; {@code null} when blank or too long. */
    public static String stripBearer(String value) {
        if (value == null) {
            return null;
        }
        String token = value.strip();
        boolean prefixed = token.regionMatches(true, 0, BEARER, 0, BEARER.length())
                && (token.length() == BEARER.length() || Character.isWhitespace(token.charAt(BEARER.length())));
        if (prefixed) {
            token = token.substring(BEARER.length()).strip();
        }
        return token.isEmpty() || token.length() > MAX_TOKEN_LENGTH ? null : token;
    }

    /** Whether {@code token} (already stripped) is an app token of {@code client}. */
    public boolean isAppTokenOf(ClientModel client, String token) {
        RealmModel realm = session.getContext().getRealm();
        AccessToken accessToken = session.tokens().decode(token, AccessToken.class);
        if (accessToken == null) {
            return false;
        }
        UserModel serviceAccount = session.users().getServiceAccount(client);
        if (serviceAccount == null || !serviceAccount.getId().equals(accessToken.getSubject())) {
            return false;
        }
        try {
            TokenVerifier.createWithoutSignature(accessToken)
                    .withChecks(TokenVerifier.IS_ACTIVE,
                            new TokenVerifier.RealmUrlCheck(Urls.realmIssuer(session.getContext().getUri().getBaseUri(), realm.getName())),
                            new TokenVerifier.TokenTypeCheck(List.of(TokenUtil.TOKEN_TYPE_BEARER)),
                            TokenManager.NotBeforeCheck.forModel(realm),
                            TokenManager.NotBeforeCheck.forModel(client),
                            new TokenManager.TokenRevocationCheck(session))
                    .verify();
        } catch (VerificationException refused) {
            return false;
        }
        return client.getClientId().equals(accessToken.getIssuedFor());
    }
}
