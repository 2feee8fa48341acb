package com.fintechlogin.keycloak.limit;

import java.util.List;

import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;

/**
 * Adds the caller budget table to Keycloak's persistence unit and its Liquibase changelog to the schema updates. A
 * changelog and history table of its own, beside the attempt table's, so that neither table's changesets depend on
 * the other's.
 */
final class CallerBudgetsJpaEntityProvider implements JpaEntityProvider {

    static final String CHANGELOG = "META-INF/fintech-caller-budgets-changelog.xml";

    @Override
    public List<Class<?>> getEntities() {
        return List.of(CallerBudgetEntity.class);
    }

    @Override
    public String getChangelogLocation() {
        return CHANGELOG;
    }

    /** Names the changelog's own history table. */
    @Override
    public String getFactoryId() {
        return CallerBudgetsJpaEntityProviderFactory.ID;
    }

    @Override
    public void close() {
        // Holds nothing.
    }
}
