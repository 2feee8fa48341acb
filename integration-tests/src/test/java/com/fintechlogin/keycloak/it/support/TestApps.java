package com.fintechlogin.keycloak.it.support;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.core.Response;

import org.keycloak.representations.idm.AuthenticationFlowRepresentation;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.testframework.realm.ManagedRealm;

/** Confidential apps with a service account, made for one test each; and their app tokens. */
public final class TestApps {

    private TestApps() {
    }

    public record App(String clientId, String secret) {
    }

    /**
     * A fresh app. {@code mobileSignIn}: its direct-grant flow is the demo's mobile sign-in flow, as MOB-APP's.
     */
    public static App create(ManagedRealm realm, int accessTokenLifespanSeconds, boolean mobileSignIn) {
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId("it-app-" + UUID.randomUUID().toString().substring(0, 8));
        client.setSecret("secret-" + UUID.randomUUID());
        client.setPublicClient(false);
        client.setServiceAccountsEnabled(true);
        client.setDirectAccessGrantsEnabled(true);
        client.setStandardFlowEnabled(false);
        client.setAttributes(new HashMap<>(Map.of("access.token.lifespan", Integer.toString(accessTokenLifespanSeconds))));
        if (mobileSignIn) {
            client.setAuthenticationFlowBindingOverrides(Map.of("direct_grant", flowId(realm, DemoRealm.MOBILE_SIGN_IN_FLOW)));
        }
        createForTheTest(realm, client);
        return new App(client.getClientId(), client.getSecret());
    }

    /** The id of the realm's flow with this alias, for a client's flow override. */
    public static String flowId(ManagedRealm realm, String alias) {
        return realm.admin().flows().getFlows().stream()
                .filter(flow -> alias.equals(flow.getAlias()))
                .map(AuthenticationFlowRepresentation::getId)
                .findFirst().orElseThrow();
    }

    /** Creates the client, removed again after the test. */
    public static void createForTheTest(ManagedRealm realm, ClientRepresentation client) {
        try (Response created = realm.admin().clients().create(client)) {
            if (created.getStatus() != 201) {
                throw new AssertionError("Client not created: HTTP " + created.getStatus());
            }
            String path = created.getLocation().getPath();
            String id = path.substring(path.lastIndexOf('/') + 1);
            realm.cleanup().add(r -> r.clients().get(id).remove());
        }
    }

    /** An app token from the Get Token API. */
    public static String getToken(ManagedRealm realm, String clientId, String secret) {
        Http.Answer answer = Http.send("POST", realm.getBaseUrl() + "/fintech/market-place/v1/token", null, null,
                Map.of("X-API-KEY", clientId, "X-API-SECRET", secret));
        if (answer.status() != 200) {
            throw new AssertionError("Get Token API refused " + clientId + ": " + answer.status() + " " + answer.body());
        }
        return answer.json().at("/data/token").asText();
    }

    /** An app token from Keycloak's standard token endpoint (client credentials grant). */
    public static String clientCredentials(ManagedRealm realm, String clientId, String secret) {
        Http.Answer answer = Http.postForm(realm.getBaseUrl() + "/protocol/openid-connect/token",
                Map.of("grant_type", "client_credentials"), Map.of("Authorization", Http.basic(clientId, secret)));
        if (answer.status() != 200) {
            throw new AssertionError("Token endpoint refused " + clientId + ": " + answer.status() + " " + answer.body());
        }
        return answer.json().get("access_token").asText();
    }
}
