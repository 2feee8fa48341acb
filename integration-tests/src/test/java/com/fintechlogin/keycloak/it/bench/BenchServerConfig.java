package com.fintechlogin.keycloak.it.bench;

import com.fintechlogin.keycloak.it.support.FintechServerConfig;

import org.keycloak.testframework.server.KeycloakServerConfig;
import org.keycloak.testframework.server.KeycloakServerConfigBuilder;

/**
 * The integration tests' server, with Keycloak's user cache sized to hold the benchmark's 100,000 users, as an
 * operator would size it for a realm of that many active users: the default (10,000 entries) would turn most
 * logins of a random user into database reads, and the scale figures would measure the cache, not the lookups.
 */
public final class BenchServerConfig implements KeycloakServerConfig {

    static final String USERS_CACHE_ENTRIES = "200000";

    @Override
    public KeycloakServerConfigBuilder configure(KeycloakServerConfigBuilder config) {
        return new FintechServerConfig().configure(config).option("cache-embedded-users-max-count", USERS_CACHE_ENTRIES);
    }
}
