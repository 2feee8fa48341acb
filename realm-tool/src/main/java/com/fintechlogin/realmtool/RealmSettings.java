package com.fintechlogin.realmtool;

import java.util.List;
import java.util.regex.Pattern;

/** What differs from one admin's realm to another's: its name, its card-portal affiliate and its browser apps' URIs. */
record RealmSettings(String realm, String affiliateId, List<String> redirectUris) {

    /** Keycloak's own rule for a realm name would allow more; these are safe in URLs and vault file names alike. */
    private static final Pattern REALM_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,254}");

    RealmSettings {
        if (!REALM_NAME.matcher(realm).matches()) {
            throw new UsageException("--realm '" + realm + "': use letters, digits, '.', '_' and '-'");
        }
        for (String uri : redirectUris) {
            if (uri.isBlank() || uri.strip().equals("*") || uri.strip().equals("/*")) {
                // A wildcard alone sends a user's code to any site that asks: an open redirect.
                throw new UsageException("--redirect-uri '" + uri + "': name your app's own URL, not a bare wildcard");
            }
        }
        redirectUris = List.copyOf(redirectUris);
    }

    static RealmSettings from(Arguments arguments) {
        return new RealmSettings(arguments.required("realm"), arguments.optional("affiliate-id"), arguments.all("redirect-uri"));
    }
}
