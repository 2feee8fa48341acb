package com.fintechlogin.realmtool;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import org.keycloak.admin.client.resource.AuthenticationManagementResource;
import org.keycloak.representations.idm.AuthenticationExecutionInfoRepresentation;
import org.keycloak.representations.idm.AuthenticationFlowRepresentation;
import org.keycloak.representations.idm.AuthenticatorConfigRepresentation;

/**
 * The extension's flows, each by alias: a flow the realm lacks is built step by step through the admin API; a flow the
 * realm has is compared step by step and, when an admin changed it, kept as it is.
 */
final class FlowMerge {

    private final RealmTemplate template;
    private final AuthenticationManagementResource flows;

    FlowMerge(RealmTemplate template, AuthenticationManagementResource flows) {
        this.template = template;
        this.flows = flows;
    }

    void plan(Plan plan) {
        Map<String, String> existing = topLevelFlowIds(flows);
        for (ObjectNode flow : template.flowsByAlias().values()) {
            if (!flow.path("topLevel").asBoolean()) {
                continue;
            }
            String alias = flow.get("alias").asText();
            String subject = "flow '" + alias + "'";
            List<String> wanted = new ArrayList<>();
            outline(flow, 0, wanted);
            if (!existing.containsKey(alias)) {
                List<String> taken = new ArrayList<>();
                aliases(flow, taken);
                taken.removeIf(name -> !exists(name));
                if (taken.isEmpty()) {
                    plan.add(subject, String.join(", ", wanted), () -> create(flow));
                } else {
                    plan.kept(subject, "not built: the realm has another flow named " + taken + "; rename that one, then run again");
                }
                continue;
            }
            List<String> found = flows.getExecutions(alias).stream()
                    .map(step -> indent(step.getLevel()) + (Boolean.TRUE.equals(step.getAuthenticationFlow())
                            ? "flow '" + step.getDisplayName() + "'" : step.getProviderId()) + " " + step.getRequirement()
                            + settings(step.getAuthenticationConfig() == null ? null : flows.getAuthenticatorConfig(step.getAuthenticationConfig()).getConfig()))
                    .toList();
            if (found.equals(wanted)) {
                plan.same(subject);
            } else {
                plan.kept(subject, "its steps are [" + String.join(", ", found) + "]; the extension's are [" + String.join(", ", wanted) + "]");
            }
        }
    }

    /** The realm's top-level flows, alias to id. */
    static Map<String, String> topLevelFlowIds(AuthenticationManagementResource flows) {
        Map<String, String> ids = new HashMap<>();
        for (AuthenticationFlowRepresentation flow : flows.getFlows()) {
            ids.put(flow.getAlias(), flow.getId());
        }
        return ids;
    }

    /**
     * The steps in the order the admin console lists them, sub-flows' steps indented under them, each with its
     * settings: a PIN step whose attempt limit an admin changed is a flow the admin changed.
     */
    private void outline(ObjectNode flow, int level, List<String> lines) {
        for (JsonNode step : steps(flow)) {
            if (step.path("authenticatorFlow").asBoolean()) {
                String sub = step.get("flowAlias").asText();
                lines.add(indent(level) + "flow '" + sub + "' " + step.get("requirement").asText());
                outline(subFlow(sub), level + 1, lines);
            } else {
                Map<String, String> config = null;
                if (step.hasNonNull("authenticatorConfig")) {
                    config = new HashMap<>();
                    Map<String, String> values = config;
                    template.authenticatorConfig(step.get("authenticatorConfig").asText()).path("config").fields()
                            .forEachRemaining(entry -> values.put(entry.getKey(), entry.getValue().asText()));
                }
                lines.add(indent(level) + step.get("authenticator").asText() + " " + step.get("requirement").asText() + settings(config));
            }
        }
    }

    private static String settings(Map<String, String> config) {
        return config == null ? "" : " " + new TreeMap<>(config);
    }

    /** The flow's alias and those of the sub-flows it calls, at any depth. */
    private void aliases(ObjectNode flow, List<String> into) {
        into.add(flow.get("alias").asText());
        for (JsonNode step : steps(flow)) {
            if (step.path("authenticatorFlow").asBoolean()) {
                aliases(subFlow(step.get("flowAlias").asText()), into);
            }
        }
    }

    /** Whether the realm has a flow of that alias, top-level or not: aliases are one namespace per realm. */
    private boolean exists(String alias) {
        try {
            flows.getExecutions(alias);
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    private static String indent(int level) {
        return "> ".repeat(level);
    }

    private static List<JsonNode> steps(ObjectNode flow) {
        return StreamSupport.stream(flow.get("authenticationExecutions").spliterator(), false)
                .sorted(Comparator.comparingInt(step -> step.path("priority").asInt()))
                .toList();
    }

    private ObjectNode subFlow(String alias) {
        ObjectNode sub = template.flowsByAlias().get(alias);
        if (sub == null) {
            throw new IllegalStateException("the template calls a sub-flow it does not hold: " + alias);
        }
        return sub;
    }

    /** Builds the flow; when a step fails, the half-built flow is deleted, so that a second run builds it anew. */
    private void create(ObjectNode flow) {
        String alias = flow.get("alias").asText();
        AuthenticationFlowRepresentation top = new AuthenticationFlowRepresentation();
        top.setAlias(alias);
        top.setDescription(flow.path("description").asText(""));
        top.setProviderId("basic-flow");
        top.setTopLevel(true);
        top.setBuiltIn(false);
        AdminCalls.expectCreated(flows.createFlow(top), "creating flow '" + alias + "'");
        try {
            addSteps(alias, flow);
        } catch (WebApplicationException | ProcessingException | MergeFailure e) {
            String undone = "the half-built flow was deleted";
            try {
                String id = topLevelFlowIds(flows).get(alias);
                if (id != null) {
                    flows.deleteFlow(id);
                }
            } catch (WebApplicationException | ProcessingException deleting) {
                undone = "deleting the half-built flow failed too (" + deleting.getMessage() + "): delete it in the admin console";
            }
            throw new MergeFailure("building flow '" + alias + "' failed (" + undone + "): " + e.getMessage(), e);
        }
    }

    private void addSteps(String parentAlias, ObjectNode flow) {
        for (JsonNode step : steps(flow)) {
            boolean isFlow = step.path("authenticatorFlow").asBoolean();
            ObjectNode sub = isFlow ? subFlow(step.get("flowAlias").asText()) : null;
            if (isFlow) {
                flows.addExecutionFlow(parentAlias, Map.of("alias", sub.get("alias").asText(), "type", "basic-flow",
                        "description", sub.path("description").asText("")));
            } else {
                flows.addExecution(parentAlias, Map.of("provider", step.get("authenticator").asText()));
            }
            AuthenticationExecutionInfoRepresentation added = lastTopStep(parentAlias);
            added.setRequirement(step.get("requirement").asText());
            flows.updateExecutions(parentAlias, added);
            if (step.hasNonNull("authenticatorConfig")) {
                ObjectNode settings = template.authenticatorConfig(step.get("authenticatorConfig").asText());
                AuthenticatorConfigRepresentation config = new AuthenticatorConfigRepresentation();
                config.setAlias(settings.get("alias").asText());
                Map<String, String> values = new HashMap<>();
                settings.path("config").fields().forEachRemaining(entry -> values.put(entry.getKey(), entry.getValue().asText()));
                config.setConfig(values);
                AdminCalls.expectCreated(flows.newExecutionConfig(added.getId(), config), "settings of step " + step.get("authenticator").asText());
            }
            if (isFlow) {
                addSteps(sub.get("alias").asText(), sub);
            }
        }
    }

    /** The step just added: Keycloak appends a new execution after the flow's others. */
    private AuthenticationExecutionInfoRepresentation lastTopStep(String alias) {
        List<AuthenticationExecutionInfoRepresentation> top = flows.getExecutions(alias).stream().filter(step -> step.getLevel() == 0).toList();
        return top.get(top.size() - 1);
    }
}
