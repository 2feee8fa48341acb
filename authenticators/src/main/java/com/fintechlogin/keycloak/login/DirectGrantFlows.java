package com.fintechlogin.keycloak.login;

import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.AuthenticationFlowBindings;
import org.keycloak.models.AuthenticationFlowModel;
import org.keycloak.models.ClientModel;
import org.keycloak.models.RealmModel;

/** What a client's direct-grant flow (its override, else the realm's) is made of. */
public final class DirectGrantFlows {

    /**
     * The password step's provider id, here so that the steps that find the user can ask whether their flow goes on
     * to hash a password without importing the password step, which itself finds users through them.
     */
    public static final String PASSWORD_STEP = "fintech-password";

    private DirectGrantFlows() {
    }

    /** Whether {@code flow} goes on to check a password, in any sub-flow. */
    public static boolean checksPassword(RealmModel realm, AuthenticationFlowModel flow) {
        return hasStep(realm, flow, PASSWORD_STEP);
    }

    /** Whether the flow {@code client} logs in with has a step of {@code authenticatorId}, in any sub-flow. */
    public static boolean hasStep(RealmModel realm, ClientModel client, String authenticatorId) {
        String overrideId = client.getAuthenticationFlowBindingOverride(AuthenticationFlowBindings.DIRECT_GRANT_BINDING);
        AuthenticationFlowModel flow = overrideId != null ? realm.getAuthenticationFlowById(overrideId) : realm.getDirectGrantFlow();
        return flow != null && hasStep(realm, flow.getId(), authenticatorId);
    }

    /** Whether {@code flow} has a step of {@code authenticatorId}, in any sub-flow. */
    public static boolean hasStep(RealmModel realm, AuthenticationFlowModel flow, String authenticatorId) {
        return flow != null && hasStep(realm, flow.getId(), authenticatorId);
    }

    private static boolean hasStep(RealmModel realm, String flowId, String authenticatorId) {
        return realm.getAuthenticationExecutionsStream(flowId)
                .filter(execution -> execution.getRequirement() != AuthenticationExecutionModel.Requirement.DISABLED)
                .anyMatch(execution -> execution.isAuthenticatorFlow()
                        ? hasStep(realm, execution.getFlowId(), authenticatorId)
                        : authenticatorId.equals(execution.getAuthenticator()));
    }
}
