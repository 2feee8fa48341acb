package com.fintechlogin.keycloak.login;

/** Event detail keys of the project, apart from Keycloak's own {@code org.keycloak.events.Details}. */
public final class LoginEvents {

    /** Why a login failed: a {@link FailureReason#detail()}. */
    public static final String REASON = "reason";
    /** Which part of the request was at fault, for failures of malformed requests: a header or field name. */
    public static final String FIELD = "field";
    /** How many more wrong attempts the credential's limit allows, after a wrong one. */
    public static final String ATTEMPTS_LEFT = "attempts_left";
    /**
     * Whose attempts {@link #ATTEMPTS_LEFT} counts: the attempt limiter's credential kind (pin, password, device),
     * written with it, so that none left tells which credential that attempt locked (the metrics count locks by it).
     * An {@code UPDATE_CREDENTIAL} event's {@code credential_type} names the credential changed, not the one checked.
     */
    public static final String LIMITED_CREDENTIAL = "limited_credential";
    /**
     * Which caller's budget refused the request ({@link FailureReason#CALLER_OVER_BUDGET}): {@code address} or
     * {@code client}.
     */
    public static final String BUDGET = "fintech_budget";
    /** Which kind of budget of that caller refused it: {@code failures} or {@code successes}. */
    public static final String BUDGET_KIND = "fintech_budget_kind";
    /** Which documented API the attempt came through; Keycloak overwrites its own {@code auth_method}. */
    public static final String API = "fintech_api";
    /**
     * What a successful credential event did to the user's PIN or devices: {@link #PIN_SET}, {@link #PIN_CHANGED},
     * {@link #PIN_RESET}, {@link #DEVICE_ADDED}, {@link #DEVICE_REMOVED}. The credential mail listener and admins
     * reading events tell the changes apart by it; Keycloak's event types are too coarse for that.
     */
    public static final String CHANGE = "fintech_change";
    public static final String PIN_SET = "pin_set";
    public static final String PIN_CHANGED = "pin_changed";
    public static final String PIN_RESET = "pin_reset";
    public static final String DEVICE_ADDED = "device_added";
    public static final String DEVICE_REMOVED = "device_removed";

    private LoginEvents() {
    }
}
