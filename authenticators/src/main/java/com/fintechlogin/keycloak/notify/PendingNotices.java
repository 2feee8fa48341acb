package com.fintechlogin.keycloak.notify;

import java.util.ArrayList;
import java.util.List;

import org.jboss.logging.Logger;
import org.keycloak.models.AbstractKeycloakTransaction;

/**
 * The notices of one request, enlisted after the request's transaction: they go out only once the change they
 * describe is committed, and a rolled-back change (a refused device, a failed store) mails nobody.
 */
final class PendingNotices extends AbstractKeycloakTransaction {

    private static final Logger LOG = Logger.getLogger(PendingNotices.class);

    private final CredentialMailer mailer;
    private final List<PendingNotice> notices = new ArrayList<>();

    PendingNotices(CredentialMailer mailer) {
        this.mailer = mailer;
    }

    void add(PendingNotice notice) {
        notices.add(notice);
    }

    @Override
    protected void commitImpl() {
        for (PendingNotice notice : notices) {
            try {
                mailer.send(notice);
            } catch (RuntimeException e) {
                // The change is committed and answered already; a notice that cannot go must not turn it into an error.
                LOG.warnf("Realm %s: the %s notice for user %s was not sent (%s)", notice.realmId(), notice.notice(),
                        notice.userId(), CredentialMailer.causes(e));
            }
        }
        notices.clear();
    }

    @Override
    protected void rollbackImpl() {
        notices.clear();
    }
}
