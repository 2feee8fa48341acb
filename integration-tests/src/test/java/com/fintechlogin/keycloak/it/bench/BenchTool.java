package com.fintechlogin.keycloak.it.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.keycloak.testframework.realm.ManagedRealm;

/** What bench.sh and soak.sh hand their integration-tests test class: the server's URL and the command's arguments. */
record BenchTool(String serverUrl, String[] args, String command) {

    /** The tool's arguments from {@code <property>.args}, and its command line as a user would retype it. */
    static BenchTool of(ManagedRealm realm, String property, String script) {
        return of(serverUrl(realm), property, script);
    }

    /** As {@link #of(ManagedRealm, String, String)}, for a server the run started itself. */
    static BenchTool of(String serverUrl, String property, String script) {
        String given = System.getProperty(property + ".args", "").strip();
        return new BenchTool(serverUrl, given.isEmpty() ? new String[0] : given.split("\\s+"), (script + " " + given).strip());
    }

    static String serverUrl(ManagedRealm realm) {
        String realmUrl = realm.getBaseUrl();
        return realmUrl.substring(0, realmUrl.indexOf("/realms/"));
    }

    /** The arguments, with {@code --out dir} added unless the command line gave one: each database has its results' directory. */
    String[] argsWithOut(String dir) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        if (!all.contains("--out")) {
            all.addAll(List.of("--out", dir));
        }
        return all.toArray(String[]::new);
    }
}
