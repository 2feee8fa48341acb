package com.fintechlogin.keycloak.it.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fintechlogin.keycloak.it.support.AppCrypto;
import com.fintechlogin.keycloak.it.support.DemoRealm;
import com.fintechlogin.keycloak.it.support.Http;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;

/**
 * A realm of an admin's own, not the demo: its vault entries written where the test server's file vault reads them,
 * its APIs called as the documented apps call them, and a snapshot of its configuration to tell whether a run of the
 * realm tool changed it.
 */
record AdminsRealm(String name, RealmResource admin) {

    private static final Path VAULT = Path.of(System.getProperty("user.dir"), "target", "test-vault").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    /** Keycloak's file vault: the secret alone, without a line break (Keycloak compares client secrets byte for byte). */
    void putVault(String key, String secret) {
        try {
            Files.writeString(VAULT.resolve(name.replace("_", "__") + "_" + key.replace("_", "__")), secret, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A fresh user with attributes and further credentials; its password is short enough for every API (the card
     * portal takes at most 32 characters).
     */
    DemoRealm.NewUser createUser(Map<String, List<String>> attributes, List<CredentialRepresentation> more) {
        DemoRealm.NewUser user = DemoRealm.user(attributes, more);
        String password = "Pw-" + UUID.randomUUID().toString().substring(0, 13);
        user.representation().getCredentials().get(0).setValue(password);
        DemoRealm.create(admin, user.representation());
        return new DemoRealm.NewUser(user.representation(), password);
    }

    String fintech(String path) {
        return RealmToolRun.SERVER + "/realms/" + name + "/fintech/" + path;
    }

    Http.Answer getToken(String clientId, String secret) {
        return Http.send("POST", fintech("market-place/v1/token"), null, null, Map.of("X-API-KEY", clientId, "X-API-SECRET", secret));
    }

    String appToken(String clientId, String secret) {
        Http.Answer answer = getToken(clientId, secret);
        if (answer.status() != 200) {
            throw new AssertionError("Get Token refused " + clientId + ": HTTP " + answer.status() + " " + answer.body());
        }
        return answer.json().at("/data/token").asText();
    }

    Http.Answer mobileSignIn(String clientId, String secret, String mobile) {
        String appToken = appToken(clientId, secret);
        return Http.send("POST", fintech("lending/v1/token"), "application/json",
                ("{\"token\": " + Http.jsonString(appToken) + ", \"mobile\": " + Http.jsonString(mobile) + "}").getBytes(StandardCharsets.UTF_8),
                Map.of("X-API-KEY", clientId, "X-API-TOKEN", appToken));
    }

    Http.Answer emailPassword(String email, String password) {
        return Http.postJson(fintech("user/login"), "{\"emailId\": " + Http.jsonString(email) + ", \"password\": " + Http.jsonString(password) + "}");
    }

    Http.Answer pinLogin(String clientId, String secret, String accountNumber, String pin, String deviceId) {
        String appToken = appToken(clientId, secret);
        Map<String, Object> body = new HashMap<>(Map.of("keyRef", "", "pin", pin, "signInMode", 1, "token", appToken,
                "authType", "1", "deviceId", deviceId));
        return Http.send("POST", fintech("onboarding/user/v2/login"), "application/json", Http.json(body).getBytes(StandardCharsets.UTF_8),
                Map.of("X-API-KEY", clientId, "X-API-TOKEN", appToken, "X-ACCOUNT-NUMBER", accountNumber));
    }

    Http.Answer cardPortal(String affiliate, String processorKey, String checksumSecret, String mobile, String password) {
        String checksum = AppCrypto.sha256Hex(mobile + password + checksumSecret);
        String form = "mobile_no=" + URLEncoder.encode(mobile, StandardCharsets.UTF_8) + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return Http.send("POST", fintech("airpay/ms/cards/api/user-login"), "application/x-www-form-urlencoded",
                form.getBytes(StandardCharsets.UTF_8), Map.of("processor-key", processorKey, "affiliate", affiliate, "checksum", checksum));
    }

    ClientRepresentation client(String clientId) {
        return admin.clients().findByClientId(clientId).get(0);
    }

    String flowId(String alias) {
        return admin.flows().getFlows().stream().filter(flow -> alias.equals(flow.getAlias())).findFirst().orElseThrow().getId();
    }

    /** The alias of the flow a client's binding names, or null. */
    String boundFlow(String clientId, String binding) {
        String id = client(clientId).getAuthenticationFlowBindingOverrides().get(binding);
        return id == null ? null : admin.flows().getFlow(id).getAlias();
    }

    /**
     * Everything the realm tool may touch, as JSON: realm settings, flows with their steps, clients with their mappers,
     * roles, keys, required actions and the user profile. Equal snapshots: nothing was changed.
     */
    String snapshot() {
        Map<String, Object> all = new TreeMap<>();
        all.put("realm", admin.toRepresentation());
        Map<String, Object> flows = new TreeMap<>();
        admin.flows().getFlows().forEach(flow -> flows.put(flow.getAlias(), List.of(flow, admin.flows().getExecutions(flow.getAlias()))));
        all.put("flows", flows);
        Map<String, Object> clients = new TreeMap<>();
        admin.clients().findAll().forEach(client -> clients.put(client.getClientId(), client));
        all.put("clients", clients);
        all.put("roles", admin.roles().list().stream().map(RoleRepresentation::getName).sorted().toList());
        all.put("keys", admin.keys().getKeyMetadata().getKeys().stream().map(key -> key.getKid()).sorted().toList());
        all.put("requiredActions", admin.flows().getRequiredActions());
        all.put("userProfile", admin.users().userProfile().getConfiguration());
        all.put("events", admin.getRealmEventsConfig());
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(all);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
