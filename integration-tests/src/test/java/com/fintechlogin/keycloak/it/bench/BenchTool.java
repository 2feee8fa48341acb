package com.fintechlogin.keycloak.it.bench;

import org.keycloak.testframework.realm.ManagedRealm;

/** What bench.sh and soak.sh hand their integration-tests test class: the server's URL and the command's arguments. */
record BenchTool(String serverUrl, String[] args, String command) {

    /** The tool's arguments from {@code <property>.args}, and its command line as a user would retype it. */
    static BenchTool of(ManagedRealm realm, String property, String script) {
        String given = System.getProperty(property + ".args", "").strip();
        return new BenchTool(serverUrl(realm), given.isEmpty() ? new String[0] : given.split("\\s+"), (script + " " + given).strip());
    }

    static String serverUrl(ManagedRealm realm) {
        String realmUrl = realm.getBaseUrl();
        return realmUrl.substring(0, realmUrl.indexOf("/realms/"));
    }
}
