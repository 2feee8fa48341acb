package com.fintechlogin.keycloak.notify;

import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Hears the events that change a user's PIN or devices ({@link CredentialNotice#forEvent}) and queues a mail for
 * each, sent after the request commits. One instance per Keycloak session, so the queue is the request's own.
 */
final class CredentialMailListener implements EventListenerProvider {

    private final KeycloakSession session;
    private final CredentialMailer mailer;
    private PendingNotices pending;

    CredentialMailListener(KeycloakSession session, CredentialMailer mailer) {
        this.session = session;
        this.mailer = mailer;
    }

    @Override
    public void onEvent(Event event) {
        if (event.getError() != null || event.getRealmId() == null || event.getUserId() == null) {
            return;
        }
        CredentialNotice.forEvent(event.getType(), event.getDetails())
                .filter(notice -> realmSendsMail(event.getRealmId()))
                .ifPresent(notice -> queue(new PendingNotice(event.getRealmId(), event.getUserId(), notice, event.getTime(),
                        event.getClientId())));
    }

    /** Without an SMTP host nothing would be sent: no queue, and no session of its own after the commit. */
    private boolean realmSendsMail(String realmId) {
        RealmModel realm = session.realms().getRealm(realmId);
        return realm != null && CredentialMailer.smtpConfigured(realm.getSmtpConfig());
    }

    private void queue(PendingNotice notice) {
        if (pending == null) {
            // Enlisted only when there is something to send: most requests of a realm change no credential.
            pending = new PendingNotices(mailer);
            session.getTransactionManager().enlistAfterCompletion(pending);
        }
        pending.add(notice);
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
        // Admin changes reach the user through the user events the project's admin endpoints emit, if any.
    }

    @Override
    public void close() {
        // The queue belongs to the session's transaction, which sends or drops it.
    }
}
