package com.fintechlogin.keycloak.limit;

import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.ProviderEvent;
import org.keycloak.provider.ProviderEventListener;

/**
 * Deletes the counters of a removed user or realm, in the transaction that removes them, since the table has
 * no foreign keys to cascade from. Users removed in bulk (with a realm, or with their federation provider) get
 * no event of their own: a realm's rows go with the realm; a removed provider's users leave inert rows behind.
 */
final class AttemptCleanup implements ProviderEventListener {

    @Override
    public void onEvent(ProviderEvent event) {
        if (event instanceof UserModel.UserRemovedEvent removed) {
            AttemptStore.of(removed.getKeycloakSession())
                    .deleteUser(removed.getRealm().getId(), removed.getUser().getId());
        } else if (event instanceof RealmModel.RealmRemovedEvent removed) {
            AttemptStore.of(removed.getKeycloakSession()).deleteRealm(removed.getRealm().getId());
        }
    }
}
