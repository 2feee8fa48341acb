package com.fintechlogin.keycloak.limit;

import java.time.Duration;

import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.provider.ProviderEvent;
import org.keycloak.provider.ProviderEventListener;
import org.keycloak.services.scheduled.ScheduledTaskRunner;
import org.keycloak.timer.ScheduledTask;
import org.keycloak.timer.TimerProvider;

/**
 * Keeps the caller budget table to the callers of current windows: a row whose window ended counts nothing (the
 * caller's next failure starts a new window), so each node deletes such rows every {@link #INTERVAL} (a delete that
 * finds them gone already does nothing); without that, every source address ever seen would keep a row. The rows of a removed realm go with it, in the
 * transaction that removes it (the table has no foreign keys to cascade from).
 */
final class CallerBudgetCleanup implements ProviderEventListener, ScheduledTask {

    static final Duration INTERVAL = Duration.ofMinutes(15);
    private static final String TASK_NAME = "fintech-caller-budget-cleanup";
    private static final Logger LOG = Logger.getLogger(CallerBudgetCleanup.class);

    @Override
    public void onEvent(ProviderEvent event) {
        if (event instanceof RealmModel.RealmRemovedEvent removed) {
            CallerBudgetStore.of(removed.getKeycloakSession()).deleteRealm(removed.getRealm().getId());
        } else if (event instanceof PostMigrationEvent migrated) {
            // After the schema update, so that the first run finds the table.
            schedule(migrated.getFactory());
        }
    }

    private void schedule(KeycloakSessionFactory factory) {
        try (KeycloakSession session = factory.create()) {
            session.getProvider(TimerProvider.class).schedule(
                    new ScheduledTaskRunner(factory, this), INTERVAL.toMillis(), INTERVAL.toMillis());
        }
    }

    @Override
    public void run(KeycloakSession session) {
        int deleted = CallerBudgetStore.of(session).deleteEnded(Time.currentTimeMillis());
        LOG.debugf("Removed %d caller budget rows of ended windows", deleted);
    }

    @Override
    public String getTaskName() {
        return TASK_NAME;
    }
}
