package com.fintechlogin.bench;

import java.util.List;
import java.util.Map;

/**
 * The demo realm's clients the scenarios call as (their secrets are the demo realm's, documented in the README as
 * demo-only), and the two plain clients the benchmark adds for Keycloak's native grants.
 */
final class DemoClients {

    static final String EMAIL_API = "user-api";
    static final String MOBILE_APP = "MOB-APP";
    static final String MOBILE_APP_SECRET = "demo-mob-app-secret";
    static final String PIN_APP = "MOB-APP-2001";
    static final String PIN_APP_SECRET = "demo-mob-app-2001-secret";
    static final String AFFILIATE = "91f5evhk72f56432ec678sdfes685h42sd2t21k430912508233b7r37562g2hps";
    static final String PROCESSOR_KEY = "demo-processor-key-002";
    static final String CHECKSUM_SECRET = "demo-checksum-secret-002";

    /** A public client on the realm's default direct-grant flow: Keycloak's own password grant, nothing of ours. */
    static final String NATIVE_PASSWORD = "bench-native-password";

    private DemoClients() {
    }

    static Map<String, Object> nativePasswordClient() {
        return Map.of("clientId", NATIVE_PASSWORD, "enabled", true, "publicClient", true, "protocol", "openid-connect",
                "standardFlowEnabled", false, "directAccessGrantsEnabled", true, "redirectUris", List.of());
    }
}
