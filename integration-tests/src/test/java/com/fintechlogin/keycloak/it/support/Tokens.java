package com.fintechlogin.keycloak.it.support;

import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

import org.keycloak.testframework.realm.ManagedRealm;

/** Tokens read as a resource server would: a standard JWT library and the realm's published JWKS. */
public final class Tokens {

    private Tokens() {
    }

    /** The claims of {@code token} after its signature, expiry and issuer are verified against the realm. */
    public static JWTClaimsSet verify(ManagedRealm realm, String token) throws Exception {
        JWKSet jwks = JWKSet.parse(Http.get(realm.getBaseUrl() + "/protocol/openid-connect/certs", Map.of()).body());
        DefaultJWTProcessor<SecurityContext> verifier = new DefaultJWTProcessor<>();
        verifier.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, new ImmutableJWKSet<>(jwks)));
        JWTClaimsSet claims = verifier.process(token, null);
        if (!realm.getBaseUrl().equals(claims.getIssuer())) {
            throw new AssertionError("Issued by " + claims.getIssuer());
        }
        return claims;
    }

    /** The claims without any check: for tokens a test expects to be refused. */
    public static JWTClaimsSet unverified(String token) throws Exception {
        return SignedJWT.parse(token).getJWTClaimsSet();
    }

    /** The token's lifetime in seconds. */
    public static long lifetime(JWTClaimsSet claims) {
        return (claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()) / 1000;
    }
}
