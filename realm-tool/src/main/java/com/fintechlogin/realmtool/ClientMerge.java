package com.fintechlogin.realmtool;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.keycloak.admin.client.resource.AuthenticationManagementResource;
import org.keycloak.admin.client.resource.ClientResource;
import org.keycloak.admin.client.resource.ClientsResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;

/**
 * The documented apps' clients, each by client id (the id the apps already send). A client the realm lacks is created
 * with its flow bindings, token mappers and vault-referenced secrets; a client the realm has gets only what it lacks:
 * a flow binding, an attribute, a token mapper. Its secret, its settings and a binding an admin chose are its own.
 */
final class ClientMerge {

    private static final ObjectMapper LENIENT = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    /** Attributes whose values are secrets: never printed. */
    private static final Set<String> SECRET_ATTRIBUTES = Set.of("fintech.affiliate.processor-key", "fintech.checksum.secret");

    private final RealmTemplate template;
    private final ClientsResource clients;
    private final AuthenticationManagementResource flows;

    ClientMerge(RealmTemplate template, ClientsResource clients, AuthenticationManagementResource flows) {
        this.template = template;
        this.clients = clients;
        this.flows = flows;
    }

    void plan(Plan plan) {
        Map<String, String> flowAliases = new HashMap<>();
        FlowMerge.topLevelFlowIds(flows).forEach((alias, id) -> flowAliases.put(id, alias));
        for (JsonNode node : template.realm().get("clients")) {
            ObjectNode wanted = (ObjectNode) node;
            String clientId = wanted.get("clientId").asText();
            String subject = "client '" + clientId + "'";
            List<ClientRepresentation> found = clients.findByClientId(clientId);
            if (found.isEmpty()) {
                plan.add(subject, describe(wanted), () -> create(wanted));
                continue;
            }
            int before = plan.items().size();
            ClientRepresentation existing = found.get(0);
            if (!sameKind(wanted, existing)) {
                // A public client, or one without a secret, must never be bound to a flow that takes the app's word
                // for the user: anyone could then sign anyone in at the token endpoint.
                plan.kept(subject, "left unbound and unchanged: it is " + kind(existing) + ", the extension's is "
                        + kind(LENIENT.convertValue(wanted, ClientRepresentation.class)) + "; make it that kind, then run again");
                continue;
            }
            compareSettings(plan, subject, wanted, existing);
            mergeBindings(plan, subject, wanted, existing, flowAliases);
            mergeAttributes(plan, subject, wanted, existing);
            mergeMappers(plan, subject, wanted, existing);
            if (plan.items().size() == before) {
                plan.same(subject);
            }
        }
    }

    private static boolean sameKind(ObjectNode wanted, ClientRepresentation existing) {
        return kind(LENIENT.convertValue(wanted, ClientRepresentation.class)).equals(kind(existing));
    }

    /** How a client proves itself: not at all (public), or by the means its authenticator names. */
    private static String kind(ClientRepresentation client) {
        if (Boolean.TRUE.equals(client.isPublicClient())) {
            return "a public client";
        }
        String authenticator = client.getClientAuthenticatorType() == null ? "client-secret" : client.getClientAuthenticatorType();
        return "a confidential client (" + authenticator + ")";
    }

    private String describe(ObjectNode client) {
        List<String> parts = new ArrayList<>();
        bindings(client).forEach((binding, alias) -> parts.add(binding + " flow '" + alias + "'"));
        if (client.has("secret")) {
            parts.add("secret " + client.get("secret").asText());
        }
        client.path("attributes").fields().forEachRemaining(entry -> {
            if (entry.getValue().asText().startsWith("${vault.")) {
                parts.add(entry.getKey() + " " + entry.getValue().asText());
            }
        });
        return String.join(", ", parts);
    }

    /** The client's flow bindings, binding name to the flow's alias. */
    private Map<String, String> bindings(JsonNode client) {
        Map<String, String> bindings = new LinkedHashMap<>();
        client.path("authenticationFlowBindingOverrides").fields()
                .forEachRemaining(entry -> bindings.put(entry.getKey(), template.flowAliasOfId(entry.getValue().asText())));
        return bindings;
    }

    private void create(ObjectNode wanted) {
        ClientRepresentation client = LENIENT.convertValue(wanted, ClientRepresentation.class);
        Map<String, String> ids = FlowMerge.topLevelFlowIds(flows);
        Map<String, String> overrides = new HashMap<>();
        bindings(wanted).forEach((binding, alias) -> overrides.put(binding, flowId(ids, alias)));
        client.setAuthenticationFlowBindingOverrides(overrides);
        AdminCalls.expectCreated(clients.create(client), "creating client '" + client.getClientId() + "'");
    }

    private static String flowId(Map<String, String> ids, String alias) {
        String id = ids.get(alias);
        if (id == null) {
            throw new MergeFailure("the realm has no flow '" + alias + "' to bind");
        }
        return id;
    }

    /** What decides whether the API can use the client at all; an admin's choice is reported, not changed. */
    private void compareSettings(Plan plan, String subject, ObjectNode wanted, ClientRepresentation existing) {
        Map<String, Function<ClientRepresentation, Object>> settings = new LinkedHashMap<>();
        settings.put("directAccessGrantsEnabled", ClientRepresentation::isDirectAccessGrantsEnabled);
        settings.put("standardFlowEnabled", ClientRepresentation::isStandardFlowEnabled);
        settings.put("serviceAccountsEnabled", ClientRepresentation::isServiceAccountsEnabled);
        ClientRepresentation template = LENIENT.convertValue(wanted, ClientRepresentation.class);
        List<String> differences = new ArrayList<>();
        settings.forEach((name, read) -> {
            Object want = read.apply(template);
            Object have = read.apply(existing);
            if (want != null && !Objects.equals(want, have)) {
                differences.add(name + " is " + have + " (the extension's: " + want + ")");
            }
        });
        if (!differences.isEmpty()) {
            plan.kept(subject, String.join("; ", differences));
        }
    }

    private void mergeBindings(Plan plan, String subject, ObjectNode wanted, ClientRepresentation existing, Map<String, String> flowAliases) {
        Map<String, String> have = existing.getAuthenticationFlowBindingOverrides() == null ? Map.of() : existing.getAuthenticationFlowBindingOverrides();
        bindings(wanted).forEach((binding, alias) -> {
            String boundId = have.get(binding);
            if (boundId == null || boundId.isEmpty()) {
                plan.set(subject, binding + " flow '" + alias + "'", () -> update(existing.getId(), client -> {
                    Map<String, String> overrides = new HashMap<>(client.getAuthenticationFlowBindingOverrides() == null
                            ? Map.of() : client.getAuthenticationFlowBindingOverrides());
                    overrides.put(binding, flowId(FlowMerge.topLevelFlowIds(flows), alias));
                    client.setAuthenticationFlowBindingOverrides(overrides);
                }));
            } else if (!alias.equals(flowAliases.get(boundId))) {
                String bound = flowAliases.containsKey(boundId) ? "'" + flowAliases.get(boundId) + "'" : "a flow that no longer exists (" + boundId + ")";
                plan.kept(subject, binding + " is bound to " + bound + "; the extension binds '" + alias + "'");
            }
        });
    }

    private void mergeAttributes(Plan plan, String subject, ObjectNode wanted, ClientRepresentation existing) {
        Map<String, String> have = existing.getAttributes() == null ? Map.of() : existing.getAttributes();
        wanted.path("attributes").fields().forEachRemaining(entry -> {
            String name = entry.getKey();
            String value = entry.getValue().asText();
            String shown = SECRET_ATTRIBUTES.contains(name) ? "(a secret)" : value;
            String current = have.get(name);
            if ((current == null || current.isEmpty()) && !name.startsWith("fintech.")) {
                // Keycloak's own settings (a token lifetime) change how an existing app works today: the admin's call.
                plan.kept(subject, "attribute " + name + " is not set (the realm's default applies); the extension's is " + shown);
            } else if (current == null || current.isEmpty()) {
                plan.set(subject, "attribute " + name + " = " + value,
                        () -> update(existing.getId(), client -> {
                            Map<String, String> attributes = new HashMap<>(client.getAttributes() == null ? Map.of() : client.getAttributes());
                            attributes.put(name, value);
                            client.setAttributes(attributes);
                        }));
            } else if (!current.equals(value)) {
                plan.kept(subject, "attribute " + name + " is " + (SECRET_ATTRIBUTES.contains(name) ? "set" : "'" + current + "'")
                        + "; the extension's is " + shown);
            }
        });
    }

    private void mergeMappers(Plan plan, String subject, ObjectNode wanted, ClientRepresentation existing) {
        Map<String, ProtocolMapperRepresentation> have = new HashMap<>();
        if (existing.getProtocolMappers() != null) {
            existing.getProtocolMappers().forEach(mapper -> have.put(mapper.getName(), mapper));
        }
        for (JsonNode node : wanted.path("protocolMappers")) {
            ProtocolMapperRepresentation mapper = LENIENT.convertValue(node, ProtocolMapperRepresentation.class);
            ProtocolMapperRepresentation current = have.get(mapper.getName());
            if (current == null) {
                plan.add(subject, "token mapper '" + mapper.getName() + "'", () -> AdminCalls.expectCreated(
                        clients.get(existing.getId()).getProtocolMappers().createMapper(mapper),
                        "adding token mapper '" + mapper.getName() + "' to client '" + existing.getClientId() + "'"));
            } else if (!mapper.getProtocolMapper().equals(current.getProtocolMapper()) || !holds(current.getConfig(), mapper.getConfig())) {
                plan.kept(subject, "token mapper '" + mapper.getName() + "' is set differently");
            }
        }
    }

    /** Keycloak fills a mapper's settings it was not given with defaults: only those the extension sets count. */
    private static boolean holds(Map<String, String> have, Map<String, String> wanted) {
        Map<String, String> current = have == null ? Map.of() : have;
        return wanted == null || wanted.entrySet().stream().allMatch(entry -> Objects.equals(current.get(entry.getKey()), entry.getValue()));
    }

    /** Re-reads the client right before changing it, so that one change never undoes another. */
    private void update(String id, java.util.function.Consumer<ClientRepresentation> change) {
        ClientResource resource = clients.get(id);
        ClientRepresentation client = resource.toRepresentation();
        change.accept(client);
        resource.update(client);
    }
}
