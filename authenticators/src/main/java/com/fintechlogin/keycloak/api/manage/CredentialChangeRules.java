package com.fintechlogin.keycloak.api.manage;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import com.fintechlogin.keycloak.login.RealmAttributes;

import org.keycloak.models.RealmModel;

/**
 * The realm's rules for who may change a user's PIN or devices, read from realm attributes — the one place
 * they are read.
 *
 * @param clients         client ids whose user tokens may change credentials ({@value #CLIENTS_ATTRIBUTE}, comma
 *                        separated). Empty by default: an app is trusted with credential changes only when an admin
 *                        says so, since every app's secret is public and some apps' logins prove nothing.
 * @param maxAgeSeconds   how long after the user's login its token may still change credentials
 *                        ({@value #MAX_AGE_ATTRIBUTE}, default {@value #DEFAULT_MAX_AGE_SECONDS})
 * @param maxDevices      how many devices one user may register ({@value #MAX_DEVICES_ATTRIBUTE}, default
 *                        {@value #DEFAULT_MAX_DEVICES})
 */
public record CredentialChangeRules(Set<String> clients, int maxAgeSeconds, int maxDevices) {

    public static final String CLIENTS_ATTRIBUTE = "fintech.credential-management.clients";
    public static final String MAX_AGE_ATTRIBUTE = "fintech.credential-management.max-age-seconds";
    public static final String MAX_DEVICES_ATTRIBUTE = "fintech.device.max-per-user";
    public static final int DEFAULT_MAX_AGE_SECONDS = 300;
    public static final int MAX_MAX_AGE_SECONDS = 86400;
    public static final int DEFAULT_MAX_DEVICES = 5;
    public static final int MAX_MAX_DEVICES = 100;

    public CredentialChangeRules {
        clients = Set.copyOf(clients);
    }

    /** The realm's rules; a number that does not parse or is out of range falls back to its default with a WARN. */
    public static CredentialChangeRules of(RealmModel realm) {
        return parse(realm.getName(), realm.getAttribute(CLIENTS_ATTRIBUTE), realm.getAttribute(MAX_AGE_ATTRIBUTE),
                realm.getAttribute(MAX_DEVICES_ATTRIBUTE));
    }

    static CredentialChangeRules parse(String realmName, String clients, String maxAge, String maxDevices) {
        Set<String> allowed = clients == null ? Set.of() : Arrays.stream(clients.split(","))
                .map(String::strip)
                .filter(id -> !id.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        return new CredentialChangeRules(allowed,
                RealmAttributes.number(realmName, MAX_AGE_ATTRIBUTE, maxAge, 1, MAX_MAX_AGE_SECONDS, DEFAULT_MAX_AGE_SECONDS),
                RealmAttributes.number(realmName, MAX_DEVICES_ATTRIBUTE, maxDevices, 1, MAX_MAX_DEVICES, DEFAULT_MAX_DEVICES));
    }

    public boolean allows(String clientId) {
        return clients.contains(clientId);
    }
}
