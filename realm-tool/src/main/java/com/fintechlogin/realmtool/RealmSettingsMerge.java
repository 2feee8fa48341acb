package com.fintechlogin.realmtool;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.RealmEventsConfigRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;

/**
 * The realm-wide settings the extension reads or relies on: its realm attributes, the ACR to LoA mapping, the themes,
 * brute-force detection and the credential mail listener. Only what the realm lacks is set.
 */
final class RealmSettingsMerge {

    static final String ACR_LOA_MAP = "acr.loa.map";
    private static final String THEME = "fintech";
    private static final String MAIL_LISTENER = "fintech-credential-mail";

    private final ObjectNode template;
    private final RealmResource realm;

    RealmSettingsMerge(RealmTemplate template, RealmResource realm) {
        this.template = template.realm();
        this.realm = realm;
    }

    void plan(Plan plan) {
        RealmRepresentation current = realm.toRepresentation();
        Map<String, String> attributes = current.getAttributes() == null ? Map.of() : current.getAttributes();
        template.get("attributes").fields().forEachRemaining(entry -> {
            String name = entry.getKey();
            String value = entry.getValue().asText();
            String subject = "realm attribute " + name;
            if (name.equals(ACR_LOA_MAP)) {
                mergeLevels(plan, attributes.get(name), value);
            } else if (attributes.get(name) == null) {
                plan.set(subject, value, () -> putAttribute(name, value));
            } else if (attributes.get(name).equals(value)) {
                plan.same(subject);
            } else {
                plan.kept(subject, "is '" + attributes.get(name) + "'; the extension's is '" + value + "'");
            }
        });
        theme(plan, "login theme", current.getLoginTheme(), rep -> rep.setLoginTheme(THEME),
                "the browser PIN and card-portal pages need the fintech theme or one that extends it");
        theme(plan, "email theme", current.getEmailTheme(), rep -> rep.setEmailTheme(THEME),
                "the PIN and device notices need the fintech email theme's templates");
        bruteForce(plan, current);
        events(plan);
    }

    /** The project's level names join whatever the realm maps already; a name the realm maps to another level stays. */
    private void mergeLevels(Plan plan, String current, String wanted) {
        Map<String, Integer> have = levels(current);
        Map<String, Integer> want = levels(wanted);
        Map<String, Integer> merged = new LinkedHashMap<>(have);
        List<String> conflicts = new ArrayList<>();
        want.forEach((name, level) -> {
            if (!have.containsKey(name)) {
                merged.put(name, level);
            } else if (!Objects.equals(have.get(name), level)) {
                conflicts.add("'" + name + "' is level " + have.get(name) + " (the extension's: " + level + ")");
            }
        });
        String subject = "ACR to LoA mapping";
        if (!conflicts.isEmpty()) {
            plan.kept(subject, String.join("; ", conflicts));
        }
        if (merged.size() > have.size()) {
            String value = RealmTemplate.JSON.valueToTree(merged).toString();
            plan.set(subject, value, () -> putAttribute(ACR_LOA_MAP, value));
        } else if (conflicts.isEmpty()) {
            plan.same(subject);
        }
    }

    private static Map<String, Integer> levels(String json) {
        Map<String, Integer> levels = new LinkedHashMap<>();
        if (json == null || json.isBlank()) {
            return levels;
        }
        try {
            RealmTemplate.JSON.readTree(json).fields().forEachRemaining(entry -> levels.put(entry.getKey(), entry.getValue().asInt()));
        } catch (IOException e) {
            throw new MergeFailure("the realm's " + ACR_LOA_MAP + " is not a JSON object: " + json);
        }
        return levels;
    }

    /**
     * A realm update replaces the realm's attributes with those it sends, so the current ones are read again and sent
     * with the new one.
     */
    private void putAttribute(String name, String value) {
        Map<String, String> attributes = new HashMap<>(realm.toRepresentation().getAttributes());
        attributes.put(name, value);
        RealmRepresentation update = new RealmRepresentation();
        update.setAttributes(attributes);
        realm.update(update);
    }

    private void theme(Plan plan, String subject, String current, java.util.function.Consumer<RealmRepresentation> set, String why) {
        if (current == null || current.isEmpty()) {
            plan.set(subject, THEME, () -> {
                RealmRepresentation update = new RealmRepresentation();
                set.accept(update);
                realm.update(update);
            });
        } else if (current.equals(THEME)) {
            plan.same(subject);
        } else {
            plan.kept(subject, "is '" + current + "': " + why);
        }
    }

    /** Brute-force detection is every credential's attempt limit; a realm without it gets the demo's limits. */
    private void bruteForce(Plan plan, RealmRepresentation current) {
        String subject = "brute-force detection";
        if (!Boolean.TRUE.equals(current.isBruteForceProtected())) {
            JsonNode t = template;
            plan.set(subject, "on, " + t.get("failureFactor").asInt() + " failures, wait " + t.get("waitIncrementSeconds").asInt()
                    + " s growing to " + t.get("maxFailureWaitSeconds").asInt() + " s, no quick-login check", () -> {
                RealmRepresentation update = new RealmRepresentation();
                update.setBruteForceProtected(true);
                update.setPermanentLockout(t.get("permanentLockout").asBoolean());
                update.setFailureFactor(t.get("failureFactor").asInt());
                update.setWaitIncrementSeconds(t.get("waitIncrementSeconds").asInt());
                update.setMaxFailureWaitSeconds(t.get("maxFailureWaitSeconds").asInt());
                update.setMaxDeltaTimeSeconds(t.get("maxDeltaTimeSeconds").asInt());
                update.setQuickLoginCheckMilliSeconds(t.get("quickLoginCheckMilliSeconds").asLong());
                update.setMinimumQuickLoginWaitSeconds(t.get("minimumQuickLoginWaitSeconds").asInt());
                realm.update(update);
            });
        } else if (current.getQuickLoginCheckMilliSeconds() != null && current.getQuickLoginCheckMilliSeconds() > 0) {
            plan.kept(subject, "on, with a quick-login check of " + current.getQuickLoginCheckMilliSeconds()
                    + " ms: two fast failures lock at once, so a user's attempt limit is not exact");
        } else {
            plan.same(subject);
        }
    }

    private void events(Plan plan) {
        RealmEventsConfigRepresentation config = realm.getRealmEventsConfig();
        List<String> listeners = config.getEventsListeners() == null ? List.of() : config.getEventsListeners();
        if (listeners.contains(MAIL_LISTENER)) {
            plan.same("event listener " + MAIL_LISTENER);
        } else {
            plan.set("event listener " + MAIL_LISTENER, "mails users their PIN and device changes (with the realm's SMTP server)", () -> {
                RealmEventsConfigRepresentation update = realm.getRealmEventsConfig();
                List<String> now = new ArrayList<>(update.getEventsListeners() == null ? List.of() : update.getEventsListeners());
                now.add(MAIL_LISTENER);
                update.setEventsListeners(now);
                realm.updateRealmEventsConfig(update);
            });
        }
        if (!Boolean.TRUE.equals(config.isEventsEnabled())) {
            plan.kept("user events", "not saved: each API's LOGIN and LOGIN_ERROR events, with the reason, are logged but not kept");
        }
    }
}
