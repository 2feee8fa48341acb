package com.fintechlogin.keycloak.notify;

import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

import org.jboss.logging.Logger;
import org.keycloak.email.EmailException;
import org.keycloak.email.EmailTemplateProvider;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Sends one {@link PendingNotice} through Keycloak's email templates, in a session and transaction of its own:
 * the request's session has committed and may hold stale or closed models. Nothing is sent without an SMTP host
 * in the realm or without a verified email address, as Keycloak's own event mails do.
 */
final class CredentialMailer {

    /** Template attribute: the moment of the change, a {@link Date}. */
    static final String CHANGED_AT = "changedAt";
    /** Template attribute, only when the event named a client of the realm: the app the change came through. */
    static final String APP_NAME = "appName";

    private static final Logger LOG = Logger.getLogger(CredentialMailer.class);

    private final KeycloakSessionFactory factory;

    CredentialMailer(KeycloakSessionFactory factory) {
        this.factory = factory;
    }

    void send(PendingNotice pending) {
        KeycloakModelUtils.runJobInTransaction(factory, session -> send(session, pending));
    }

    private static void send(KeycloakSession session, PendingNotice pending) {
        RealmModel realm = session.realms().getRealm(pending.realmId());
        if (realm == null) {
            return;
        }
        // A new session has no realm, and Keycloak needs it there: for the realm's email theme, and for user
        // lookups (organizations are per realm).
        session.getContext().setRealm(realm);
        if (!smtpConfigured(realm.getSmtpConfig())) {
            LOG.debugf("Realm '%s' has no SMTP host: no %s notice", realm.getName(), pending.notice());
            return;
        }
        UserModel user = session.users().getUserById(realm, pending.userId());
        if (user == null || !hasVerifiedEmail(user)) {
            return;
        }
        Map<String, Object> attributes = new HashMap<>();
        attributes.put(CHANGED_AT, new Date(pending.time()));
        appName(realm, pending.clientId()).ifPresent(name -> attributes.put(APP_NAME, name));
        CredentialNotice notice = pending.notice();
        try {
            session.getProvider(EmailTemplateProvider.class).setRealm(realm).setUser(user)
                    .send(notice.subjectKey(), List.of(realmTitle(realm.getDisplayName(), realm.getName())), notice.template(), attributes);
        } catch (EmailException e) {
            // No address and no message text: a mail server's refusal quotes the recipient.
            LOG.warnf("Realm '%s': the %s notice for user %s was not sent (%s)", realm.getName(), notice, user.getId(), causes(e));
        }
    }

    static boolean smtpConfigured(Map<String, String> smtpConfig) {
        if (smtpConfig == null) {
            return false;
        }
        String host = smtpConfig.get("host");
        return host != null && !host.isBlank();
    }

    private static boolean hasVerifiedEmail(UserModel user) {
        String email = user.getEmail();
        return email != null && !email.isBlank() && user.isEmailVerified();
    }

    /** The realm as the user knows it: its display name, else its name. */
    static String realmTitle(String displayName, String name) {
        return displayName != null && !displayName.isBlank() ? displayName : name;
    }

    private static Optional<String> appName(RealmModel realm, String clientId) {
        if (clientId == null) {
            return Optional.empty();
        }
        ClientModel client = realm.getClientByClientId(clientId);
        return client == null ? Optional.empty() : Optional.of(appName(client.getClientId(), client.getName()));
    }

    /**
     * What a mail calls a client: its name, or its client id when the name is empty or a {@code ${key}} of the
     * admin console's message bundles, which an email theme does not carry.
     */
    static String appName(String clientId, String name) {
        return name != null && !name.isBlank() && !name.contains("${") ? name : clientId;
    }

    /**
     * The exception's classes, outermost first, each with the place it was thrown: enough to tell a refused
     * connection from a refused recipient or a broken template, without the messages.
     */
    static String causes(Throwable failure) {
        StringJoiner chain = new StringJoiner(" <- ");
        for (Throwable cause = failure; cause != null && chain.length() < 1000; cause = cause.getCause()) {
            StackTraceElement[] trace = cause.getStackTrace();
            chain.add(trace.length == 0 ? cause.getClass().getName()
                    : cause.getClass().getName() + " at " + trace[0].getClassName() + "." + trace[0].getMethodName() + ":" + trace[0].getLineNumber());
        }
        return chain.toString();
    }
}
