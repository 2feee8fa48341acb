package com.fintechlogin.keycloak.api.manage;

import com.fintechlogin.keycloak.app.AppTokenVerifier;
import com.fintechlogin.keycloak.login.AuthenticationLevel;

import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.core.HttpHeaders;

import org.keycloak.jose.jws.JWSHeader;
import org.keycloak.jose.jws.JWSInput;
import org.keycloak.jose.jws.JWSInputException;
import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.services.managers.AppAuthManager;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.services.managers.AuthenticationManager.AuthResult;

/**
 * Who calls: the user whose own access token of this realm is in {@code Authorization: Bearer}, checked by
 * Keycloak's {@link AppAuthManager.BearerTokenAuthenticator} (signature, issuer, type, expiry, revocation, not-before,
 * live user session, enabled client and user). Every way it refuses becomes {@link ManageFailure#NOT_AUTHENTICATED},
 * never an exception. What the token's login proved is read from Keycloak's own client session, not from claims a
 * client's mappers may shape.
 */
final class UserBearerToken {

    /** The outcome of {@link #authenticate}. */
    sealed interface Outcome permits Caller, Refused {
    }

    /**
     * A signed-in, enabled user; {@code sessionId} is null only for a session-less token.
     *
     * @param level          the Keycloak level of authentication the token's login recorded ({@link AuthenticationLevel});
     *                       {@link Constants#NO_LOA} when it recorded none or the token has no client session
     * @param authTime       when the user logged in, epoch seconds (what Keycloak gives as the token's {@code auth_time})
     * @param passwordProved whether that login checked the user's password
     */
    record Caller(UserModel user, ClientModel client, String sessionId, int level, long authTime,
                  boolean passwordProved) implements Outcome {

        /**
         * Why this token may not change the user's credentials under {@code rules} at {@code now} (epoch seconds),
         * or null. The client first: a token of an app the realm never trusted with credential changes is refused
         * whatever its login proved.
         */
        ManageFailure strengthRefusal(CredentialChangeRules rules, long now) {
            return UserBearerToken.strengthRefusal(rules, client.getClientId(), level, authTime, now);
        }
    }

    static ManageFailure strengthRefusal(CredentialChangeRules rules, String clientId, int level, long authTime, long now) {
        if (!rules.allows(clientId)) {
            return ManageFailure.CLIENT_NOT_ALLOWED;
        }
        if (level < AuthenticationLevel.PASSWORD.loa()) {
            return ManageFailure.AUTHENTICATION_TOO_WEAK;
        }
        if (now - authTime > rules.maxAgeSeconds()) {
            return ManageFailure.AUTHENTICATION_TOO_OLD;
        }
        return null;
    }

    record Refused(ManageFailure failure) implements Outcome {
    }

    private final KeycloakSession session;

    UserBearerToken(KeycloakSession session) {
        this.session = session;
    }

    Outcome authenticate(RealmModel realm) {
        String token = bearerToken(session.getContext().getRequestHeaders());
        if (token == null) {
            return new Refused(ManageFailure.NOT_AUTHENTICATED);
        }
        AuthResult result;
        try {
            result = new AppAuthManager.BearerTokenAuthenticator(session).setRealm(realm).setTokenString(token).authenticate();
        } catch (NotAuthorizedException refused) {
            // 26.7.3 answers most refusals with null, but throws this for a malformed Authorization header.
            return new Refused(ManageFailure.NOT_AUTHENTICATED);
        }
        if (result == null || result.user() == null) {
            return new Refused(ManageFailure.NOT_AUTHENTICATED);
        }
        UserModel user = result.user();
        ManageFailure refusal = refusal(user.getServiceAccountClientLink() != null, user.isEnabled());
        if (refusal != null) {
            return new Refused(refusal);
        }
        UserSessionModel userSession = result.session();
        AuthenticatedClientSessionModel clientSession = userSession == null ? null
                : userSession.getAuthenticatedClientSessionByClient(result.client().getId());
        int level = clientSession == null ? Constants.NO_LOA : AuthenticationLevel.recordedLoa(clientSession);
        boolean passwordProved = clientSession != null && AuthenticationLevel.passwordProved(clientSession);
        long authTime = userSession == null ? 0 : authTime(userSession);
        return new Caller(user, result.client(), userSession == null ? null : userSession.getId(), level, authTime,
                passwordProved);
    }

    /**
     * When the user logged in, as Keycloak records it for the token's {@code auth_time}: read from the session rather
     * than the claim, which a client's mappers could shape.
     */
    private static long authTime(UserSessionModel userSession) {
        String recorded = userSession.getNote(AuthenticationManager.AUTH_TIME);
        if (recorded != null) {
            try {
                return Long.parseLong(recorded);
            } catch (NumberFormatException notANumber) {
                // falls back to the session's start, which is the login for the project's APIs
            }
        }
        return userSession.getStarted();
    }

    /**
     * Why an authenticated token's user may not manage credentials here, or null. Keycloak already refuses tokens
     * of disabled users; the check stays so that this endpoint does not depend on that.
     */
    static ManageFailure refusal(boolean serviceAccount, boolean enabled) {
        if (serviceAccount) {
            return ManageFailure.NOT_A_USER;
        }
        return enabled ? null : ManageFailure.USER_DISABLED;
    }

    /**
     * The token of the one {@code Authorization} header, Bearer (or DPoP where Keycloak enables it), when it is a
     * parseable JWS naming its algorithm; null otherwise.
     */
    private static String bearerToken(HttpHeaders headers) {
        AppAuthManager.AuthHeader header;
        try {
            header = AppAuthManager.extractAuthorizationHeaderTokenOrReturnNull(headers);
        } catch (NotAuthorizedException repeatedHeader) {
            return null;
        }
        if (header == null) {
            return null;
        }
        String token = header.getToken();
        return token.length() <= AppTokenVerifier.MAX_TOKEN_LENGTH && namesAnAlgorithm(token) ? token : null;
    }

    /**
     * Whether {@code token} parses as a JWS whose header names an algorithm. Keycloak 26.7.3's verifier
     * dereferences the header's {@code alg} unchecked, so a token without one would surface as a 500.
     */
    static boolean namesAnAlgorithm(String token) {
        try {
            JWSHeader header = new JWSInput(token).getHeader();
            return header != null && header.getAlgorithm() != null;
        } catch (JWSInputException unparseable) {
            return false;
        }
    }
}
