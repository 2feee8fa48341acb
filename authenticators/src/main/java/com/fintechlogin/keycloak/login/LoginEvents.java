package com.fintechlogin.keycloak.login;

/** Event detail keys of the project, apart from Keycloak's own {@code org.keycloak.events.Details}. */
public final class LoginEvents {

    /** Why a login failed: a {@link FailureReason#detail()}. */
    public static final String REASON = "reason";
    /** Which part of the request was at fault, for failures of malformed requests: a header or field name. */
    public static final String FIELD = "field";
    /** How many more wrong attempts the credential's limit allows, after a wrong one. */
    public static final String ATTEMPTS_LEFT = "attempts_left";
    /** Which documented API the attempt came through; Keycloak overwrites its own {@code auth_method}. */
    public static final String API = "fintech_api";

    private LoginEvents() {
    }
}
