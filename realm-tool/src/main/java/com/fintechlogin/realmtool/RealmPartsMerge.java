package com.fintechlogin.realmtool;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.common.util.MultivaluedHashMap;
import org.keycloak.representations.idm.ComponentRepresentation;
import org.keycloak.representations.idm.RequiredActionProviderRepresentation;
import org.keycloak.representations.idm.RequiredActionProviderSimpleRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.userprofile.config.UPAttribute;
import org.keycloak.representations.userprofile.config.UPConfig;
import org.keycloak.representations.userprofile.config.UPGroup;

/** The realm's roles, its RSA-OAEP-256 encryption key, the Set PIN required action and the user profile's attributes. */
final class RealmPartsMerge {

    private static final ObjectMapper LENIENT = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final String KEY_PROVIDER_TYPE = "org.keycloak.keys.KeyProvider";
    private static final String USER_PROFILE_PROVIDER_TYPE = "org.keycloak.userprofile.UserProfileProvider";
    /** Device login and the partner API decrypt with it. */
    private static final String ENCRYPTION_ALGORITHM = "RSA-OAEP-256";

    private final ObjectNode template;
    private final RealmResource realm;

    RealmPartsMerge(RealmTemplate template, RealmResource realm) {
        this.template = template.realm();
        this.realm = realm;
    }

    void planRoles(Plan plan) {
        Set<String> have = realm.roles().list().stream().map(RoleRepresentation::getName).collect(Collectors.toSet());
        for (JsonNode role : template.path("roles").path("realm")) {
            String name = role.get("name").asText();
            String subject = "realm role '" + name + "'";
            if (have.contains(name)) {
                plan.same(subject);
            } else {
                plan.add(subject, "", () -> realm.roles().create(new RoleRepresentation(name, role.path("description").asText(""), false)));
            }
        }
    }

    void planEncryptionKey(Plan plan) {
        String subject = "encryption key " + ENCRYPTION_ALGORITHM;
        boolean active = realm.keys().getKeyMetadata().getKeys().stream()
                .anyMatch(key -> ENCRYPTION_ALGORITHM.equals(key.getAlgorithm()) && "ACTIVE".equals(key.getStatus()));
        if (active) {
            plan.same(subject);
            return;
        }
        JsonNode wanted = null;
        for (JsonNode key : template.path("components").path(KEY_PROVIDER_TYPE)) {
            if (key.path("config").path("algorithm").toString().contains(ENCRYPTION_ALGORITHM)) {
                wanted = key;
            }
        }
        JsonNode provider = Objects.requireNonNull(wanted, "the template has no " + ENCRYPTION_ALGORITHM + " key provider");
        plan.add(subject, "key provider " + provider.get("providerId").asText() + ", " + provider.path("config").path("keySize").path(0).asText() + " bits", () -> {
            ComponentRepresentation component = new ComponentRepresentation();
            component.setName(provider.get("name").asText());
            component.setProviderId(provider.get("providerId").asText());
            component.setProviderType(KEY_PROVIDER_TYPE);
            component.setParentId(realm.toRepresentation().getId());
            MultivaluedHashMap<String, String> config = new MultivaluedHashMap<>();
            provider.path("config").fields().forEachRemaining(entry -> entry.getValue().forEach(value -> config.add(entry.getKey(), value.asText())));
            component.setConfig(config);
            AdminCalls.expectCreated(realm.components().add(component), "adding the " + ENCRYPTION_ALGORITHM + " key provider");
        });
    }

    void planRequiredActions(Plan plan) {
        for (JsonNode action : template.path("requiredActions")) {
            String alias = action.get("alias").asText();
            if (!alias.startsWith("fintech-")) {
                continue;
            }
            String subject = "required action '" + action.path("name").asText(alias) + "'";
            RequiredActionProviderRepresentation registered = realm.flows().getRequiredActions().stream()
                    .filter(candidate -> alias.equals(candidate.getAlias())).findFirst().orElse(null);
            if (registered == null) {
                plan.add(subject, "registered and enabled", () -> {
                    RequiredActionProviderSimpleRepresentation register = new RequiredActionProviderSimpleRepresentation();
                    register.setProviderId(action.get("providerId").asText());
                    register.setName(action.path("name").asText(alias));
                    realm.flows().registerRequiredAction(register);
                    RequiredActionProviderRepresentation added = realm.flows().getRequiredAction(alias);
                    if (!added.isEnabled()) {
                        added.setEnabled(true);
                        realm.flows().updateRequiredAction(alias, added);
                    }
                });
            } else if (registered.isEnabled()) {
                plan.same(subject);
            } else {
                plan.kept(subject, "disabled: the card portal's browser page cannot ask a user without a PIN to set one");
            }
        }
    }

    /** The attributes the logins find users by, in a group of their own; an attribute the realm declares stays its own. */
    void planUserProfile(Plan plan) {
        UPConfig wanted = templateUserProfile();
        UPConfig current = realm.users().userProfile().getConfiguration();
        List<String> missing = new ArrayList<>();
        for (UPAttribute attribute : wanted.getAttributes()) {
            String subject = "user-profile attribute '" + attribute.getName() + "'";
            UPAttribute have = current.getAttribute(attribute.getName());
            if (have == null) {
                missing.add(attribute.getName());
            } else if (sameDeclaration(have, attribute)) {
                plan.same(subject);
            } else {
                plan.kept(subject, "declared differently" + risk(have, attribute) + " (the extension's: " + RealmTemplate.JSON.valueToTree(attribute) + ")");
            }
        }
        if (!missing.isEmpty()) {
            plan.add("user-profile attributes " + missing, "editable by admins only; mobile and accountNumber unique", () -> {
                UPConfig config = realm.users().userProfile().getConfiguration();
                for (UPAttribute attribute : wanted.getAttributes()) {
                    if (missing.contains(attribute.getName()) && config.getAttribute(attribute.getName()) == null) {
                        config.addOrReplaceAttribute(attribute);
                        addGroup(config, wanted, attribute.getGroup());
                    }
                }
                realm.users().userProfile().update(config);
            });
        }
    }

    /**
     * What a differing declaration risks: the logins find users by these attributes, so a user who may edit one, or a
     * value two users may hold, lets one user sign in as, or lock out, another.
     */
    private static String risk(UPAttribute have, UPAttribute wanted) {
        List<String> risks = new ArrayList<>();
        if (have.getPermissions() != null && have.getPermissions().getEdit() != null && have.getPermissions().getEdit().contains("user")) {
            risks.add("users may edit it");
        }
        boolean wantsUnique = wanted.getValidations() != null && wanted.getValidations().containsKey("unique-attribute");
        if (wantsUnique && (have.getValidations() == null || !have.getValidations().containsKey("unique-attribute"))) {
            risks.add("two users may hold the same value");
        }
        return risks.isEmpty() ? "" : " — WARNING: " + String.join(" and ", risks)
                + ", and the logins find users by it: one user could sign in as or lock out another; make it admin-only and unique";
    }

    private static boolean sameDeclaration(UPAttribute have, UPAttribute wanted) {
        JsonNode a = RealmTemplate.JSON.valueToTree(have);
        JsonNode b = RealmTemplate.JSON.valueToTree(wanted);
        return Objects.equals(a.get("permissions"), b.get("permissions")) && Objects.equals(a.get("validations"), b.get("validations"));
    }

    private static void addGroup(UPConfig config, UPConfig wanted, String name) {
        if (config.getGroups() == null) {
            config.setGroups(new ArrayList<>());
        }
        if (name == null || config.getGroups().stream().anyMatch(group -> name.equals(group.getName()))) {
            return;
        }
        for (UPGroup group : wanted.getGroups()) {
            if (name.equals(group.getName())) {
                config.getGroups().add(group);
            }
        }
    }

    private UPConfig templateUserProfile() {
        for (JsonNode component : template.path("components").path(USER_PROFILE_PROVIDER_TYPE)) {
            JsonNode json = component.path("config").path("kc.user.profile.config").path(0);
            try {
                UPConfig all = LENIENT.readValue(json.asText(), UPConfig.class);
                UPConfig ours = new UPConfig();
                // Keycloak's own attributes (username, email, names) are the realm's business.
                all.getAttributes().stream().filter(attribute -> attribute.getGroup() != null).forEach(ours::addOrReplaceAttribute);
                ours.setGroups(all.getGroups() == null ? new ArrayList<>() : new ArrayList<>(all.getGroups()));
                return ours;
            } catch (IOException e) {
                throw new IllegalStateException("the template's user profile is not JSON", e);
            }
        }
        throw new IllegalStateException("the template has no user profile");
    }
}
