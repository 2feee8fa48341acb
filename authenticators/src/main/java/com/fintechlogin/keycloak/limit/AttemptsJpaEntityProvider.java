package com.fintechlogin.keycloak.limit;

import java.util.List;

import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;

/** Adds the attempt table to Keycloak's persistence unit and its Liquibase changelog to the schema updates. */
final class AttemptsJpaEntityProvider implements JpaEntityProvider {

    static final String CHANGELOG = "META-INF/fintech-attempts-changelog.xml";

    @Override
    public List<Class<?>> getEntities() {
        return List.of(CredentialAttemptEntity.class);
    }

    @Override
    public String getChangelogLocation() {
        return CHANGELOG;
    }

    /** Names the changelog's own history table: {@code DATABASECHANGELOG_FINTECH_AT}. */
    @Override
    public String getFactoryId() {
        return AttemptsJpaEntityProviderFactory.ID;
    }

    @Override
    public void close() {
        // Holds nothing.
    }
}
