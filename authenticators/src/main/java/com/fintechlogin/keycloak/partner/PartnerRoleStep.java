package com.fintechlogin.keycloak.partner;

import com.fintechlogin.keycloak.login.DirectGrantStep;
import com.fintechlogin.keycloak.login.FailureReason;
import com.fintechlogin.keycloak.login.LoginFailures;

import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.events.Errors;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;

/**
 * Lets only users holding the realm's partner role ({@link PartnerSettings#role()}, directly, through a composite
 * role or a group) through the flow.
 *
 * <p>A step of the flow rather than a check in the REST adapter, so that every way into the flow is covered: the
 * partner API, the token endpoint should an admin turn direct grants on for the partner client, any other client
 * bound to the flow. It comes after the password step, so that only someone who knows a user's password learns
 * that the user is no partner, and the answer is the wrong password's. The refusal counts for brute-force detection
 * as Keycloak's own "Deny access" step does; the event says {@value #EVENT_DETAIL}.
 */
public final class PartnerRoleStep extends DirectGrantStep {

    /** Event detail: {@code missing} when the user lacks the role, {@code undefined} when the realm has no such role. */
    public static final String EVENT_DETAIL = "partner_role";

    private static final Logger LOG = Logger.getLogger(PartnerRoleStep.class);

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        RealmModel realm = context.getRealm();
        String roleName = PartnerSettings.of(realm).role();
        RoleModel role = realm.getRole(roleName);
        if (role == null) {
            LOG.warnf("Realm '%s': the partner role '%s' (realm attribute %s) does not exist; partner logins are refused",
                    realm.getName(), roleName, PartnerSettings.ROLE_ATTRIBUTE);
            context.getEvent().detail(EVENT_DETAIL, "undefined");
            LoginFailures.fail(context, FailureReason.NOT_CONFIGURED);
            return;
        }
        if (!context.getUser().hasRole(role)) {
            context.getEvent().detail(EVENT_DETAIL, "missing");
            LoginFailures.fail(context, FailureReason.INVALID_CREDENTIALS, Errors.NOT_ALLOWED);
            return;
        }
        context.success();
    }

    @Override
    public boolean requiresUser() {
        return true;
    }
}
