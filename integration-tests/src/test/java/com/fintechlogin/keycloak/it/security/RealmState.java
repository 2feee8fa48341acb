package com.fintechlogin.keycloak.it.security;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * What a failed request must never change, as the admin API shows it: every user (attributes, enabled, required
 * actions), each user's credentials (id, type, creation time, label) and the sessions per client.
 */
record RealmState(Map<String, String> users, Map<String, String> credentials, List<Map<String, String>> sessionsPerClient) {

    static RealmState of(ManagedRealm realm) {
        Map<String, String> users = new TreeMap<>();
        Map<String, String> credentials = new TreeMap<>();
        for (UserRepresentation user : realm.admin().users().list(0, 10_000)) {
            users.put(user.getId(), user.getUsername() + " enabled=" + user.isEnabled() + " email=" + user.getEmail()
                    + " attributes=" + new TreeMap<>(user.getAttributes() == null ? Map.of() : user.getAttributes())
                    + " requiredActions=" + user.getRequiredActions());
            for (CredentialRepresentation credential : realm.admin().users().get(user.getId()).credentials()) {
                credentials.put(credential.getId(), user.getId() + " " + credential.getType() + " created=" + credential.getCreatedDate()
                        + " label=" + credential.getUserLabel());
            }
        }
        return new RealmState(users, credentials, realm.admin().getClientSessionStats());
    }
}
