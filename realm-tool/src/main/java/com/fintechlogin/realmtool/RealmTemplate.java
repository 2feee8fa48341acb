package com.fintechlogin.realmtool;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The extension's realm configuration for one realm of an admin's: the demo realm the integration tests prove, without
 * its users, with every secret a {@code ${vault.…}} reference, and with the admin's realm name, affiliate id and
 * redirect URIs. Both commands start from it: {@code realm-file} writes it, {@code merge} brings it into a realm.
 */
final class RealmTemplate {

    static final ObjectMapper JSON = new ObjectMapper();

    /** Attributes of a card-portal affiliate's client whose values are secrets: each one's vault key and what it is. */
    private static final Map<String, List<String>> AFFILIATE_SECRETS = Map.of(
            "fintech.affiliate.processor-key", List.of("processor-key", "the affiliate's processor key"),
            "fintech.checksum.secret", List.of("checksum-secret", "the affiliate's checksum secret"));
    private static final String AFFILIATE_MARKER = "fintech.affiliate.processor-key";
    /** Keycloak's file vault: a key becomes part of a file name, so it keeps to characters every file system takes. */
    private static final Pattern VAULT_SAFE = Pattern.compile("[A-Za-z0-9._-]+");

    private final ObjectNode realm;
    private final List<VaultEntry> vaultEntries;
    private final List<String> notes;

    private RealmTemplate(ObjectNode realm, List<VaultEntry> vaultEntries, List<String> notes) {
        this.realm = realm;
        this.vaultEntries = vaultEntries;
        this.notes = notes;
    }

    /** One secret the realm refers to: the vault key, and what the admin puts there. */
    record VaultEntry(String key, String what) {
    }

    static RealmTemplate forRealm(RealmSettings settings) {
        ObjectNode realm = demoRealm();
        List<VaultEntry> vault = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        realm.put("realm", settings.realm());
        realm.remove("id");
        realm.remove("displayName");
        realm.remove("users");
        // The demo raises its failure and success budgets for scripts and tests that send everything from one address;
        // a real realm starts from the documented defaults.
        if (realm.get("attributes") instanceof ObjectNode attributes) {
            attributes.remove(List.of("fintech.budget.failures-per-address", "fintech.budget.failures-per-client",
                    "fintech.budget.successes-per-address", "fintech.budget.successes-per-client"));
        }
        ArrayNode clients = (ArrayNode) realm.get("clients");
        for (Iterator<JsonNode> it = clients.elements(); it.hasNext(); ) {
            ObjectNode client = (ObjectNode) it.next();
            String clientId = client.get("clientId").asText();
            if (client.path("attributes").has(AFFILIATE_MARKER)) {
                if (settings.affiliateId() == null) {
                    it.remove();
                    notes.add("no --affiliate-id: no card-portal affiliate client (add one later with the same command)");
                    continue;
                }
                clientId = settings.affiliateId();
                client.put("clientId", clientId);
                ObjectNode attributes = (ObjectNode) client.get("attributes");
                for (Map.Entry<String, List<String>> secret : new java.util.TreeMap<>(AFFILIATE_SECRETS).entrySet()) {
                    String key = clientId + "-" + secret.getValue().get(0);
                    attributes.put(secret.getKey(), vaultReference(key));
                    vault.add(new VaultEntry(key, secret.getValue().get(1)));
                }
            }
            if (client.has("secret")) {
                String key = clientId + "-secret";
                client.put("secret", vaultReference(key));
                vault.add(new VaultEntry(key, "the client secret of " + clientId + " (the one its app already sends)"));
            }
            if (client.path("standardFlowEnabled").asBoolean(false)) {
                client.remove("rootUrl");
                ArrayNode redirects = client.putArray("redirectUris");
                settings.redirectUris().forEach(redirects::add);
                if (settings.redirectUris().isEmpty()) {
                    notes.add("no --redirect-uri: browser client " + clientId + " has no redirect URI until you give it one");
                }
            }
        }
        return new RealmTemplate(realm, List.copyOf(vault), List.copyOf(notes));
    }

    private static String vaultReference(String key) {
        if (!VAULT_SAFE.matcher(key).matches()) {
            throw new UsageException("'" + key + "' cannot be a vault key: use letters, digits, '.', '_' and '-' in client ids");
        }
        return "${vault." + key + "}";
    }

    static ObjectNode demoRealm() {
        try (InputStream in = RealmTemplate.class.getResourceAsStream("demo-realm.json")) {
            if (in == null) {
                throw new IllegalStateException("demo-realm.json is missing from the tool's JAR");
            }
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ObjectNode realm() {
        return realm.deepCopy();
    }

    String name() {
        return realm.get("realm").asText();
    }

    List<VaultEntry> vaultEntries() {
        return vaultEntries;
    }

    List<String> notes() {
        return notes;
    }

    /** The top-level flows and the sub-flows they call, each by alias. */
    Map<String, ObjectNode> flowsByAlias() {
        Map<String, ObjectNode> flows = new java.util.LinkedHashMap<>();
        realm.get("authenticationFlows").forEach(flow -> flows.put(flow.get("alias").asText(), (ObjectNode) flow));
        return flows;
    }

    /** The alias of the flow a client binding names by the demo's flow id. */
    String flowAliasOfId(String id) {
        for (JsonNode flow : realm.get("authenticationFlows")) {
            if (id.equals(flow.path("id").asText())) {
                return flow.get("alias").asText();
            }
        }
        throw new IllegalStateException("the template binds a flow it does not hold: " + id);
    }

    /** The settings of a step, by the alias the flow's execution names. */
    ObjectNode authenticatorConfig(String alias) {
        for (JsonNode config : realm.get("authenticatorConfig")) {
            if (alias.equals(config.get("alias").asText())) {
                return (ObjectNode) config;
            }
        }
        throw new IllegalStateException("the template names a step setting it does not hold: " + alias);
    }
}
