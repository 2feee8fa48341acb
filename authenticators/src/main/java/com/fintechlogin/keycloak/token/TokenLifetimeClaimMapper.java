package com.fintechlogin.keycloak.token;

import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.mappers.OIDCAccessTokenMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;
import org.keycloak.protocol.oidc.mappers.OIDCIDTokenMapper;
import org.keycloak.protocol.oidc.mappers.TokenIntrospectionTokenMapper;
import org.keycloak.representations.IDToken;

/**
 * Puts the token's own lifetime in seconds ({@code exp - iat}) under a claim name of the admin's choice
 * (the mobile sign-in's {@code TOKEN_EXPIRY}): read from the token, so it never drifts from the client's setting.
 */
public final class TokenLifetimeClaimMapper extends ClaimMapper
        implements OIDCAccessTokenMapper, OIDCIDTokenMapper, TokenIntrospectionTokenMapper {

    public static final String PROVIDER_ID = "fintech-token-lifetime-mapper";

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Fintech: token lifetime";
    }

    @Override
    public String getHelpText() {
        return "Adds the token's lifetime in seconds (its exp minus its iat), under the claim name configured here.";
    }

    @Override
    protected void setClaim(IDToken token, ProtocolMapperModel mappingModel, UserSessionModel userSession,
                            KeycloakSession session, ClientSessionContext clientSessionContext) {
        Long expiresAt = token.getExp();
        Long issuedAt = token.getIat();
        if (expiresAt != null && issuedAt != null) {
            OIDCAttributeMapperHelper.mapClaim(token, mappingModel, Long.toString(expiresAt - issuedAt));
        }
    }
}
