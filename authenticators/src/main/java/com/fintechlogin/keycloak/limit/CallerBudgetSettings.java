package com.fintechlogin.keycloak.limit;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.jboss.logging.Logger;
import org.keycloak.models.RealmModel;

/**
 * The realm's budgets per caller, read from realm attributes: the one place they are read. Each budget is a whole
 * number of failures (or successes) per window, {@code 0} or absent for its default, or {@value #OFF}; all share one
 * window. A value that does not parse takes the default with a WARN naming the attribute: a typo never turns a budget
 * off. A success budget below the failure budget of the same caller is taken as set, with a WARN: the issue wants
 * failures held lower than successes, and an admin who swapped the two would refuse customers before attackers.
 *
 * @param perAddress {@value #FAILURES_PER_ADDRESS_ATTRIBUTE}: failures one source address may have evaluated per
 *        window; default {@value #DEFAULT_FAILURES_PER_ADDRESS}; empty when off
 * @param perClient {@value #FAILURES_PER_CLIENT_ATTRIBUTE}: failures one calling client may have evaluated per
 *        window, whatever addresses they come from; default {@value #DEFAULT_FAILURES_PER_CLIENT}; empty when off
 * @param successesPerAddress {@value #SUCCESSES_PER_ADDRESS_ATTRIBUTE}: completed logins of one source address per
 *        window ({@link FailureBudget#limit()} counts successes here); default {@value #DEFAULT_SUCCESSES_PER_ADDRESS};
 *        empty when off
 * @param successesPerClient {@value #SUCCESSES_PER_CLIENT_ATTRIBUTE}: completed logins through one client per window,
 *        from all addresses; default {@value #DEFAULT_SUCCESSES_PER_CLIENT}; empty when off
 */
public record CallerBudgetSettings(Optional<FailureBudget> perAddress, Optional<FailureBudget> perClient,
                                   Optional<FailureBudget> successesPerAddress, Optional<FailureBudget> successesPerClient) {

    public static final String FAILURES_PER_ADDRESS_ATTRIBUTE = "fintech.budget.failures-per-address";
    public static final String FAILURES_PER_CLIENT_ATTRIBUTE = "fintech.budget.failures-per-client";
    public static final String SUCCESSES_PER_ADDRESS_ATTRIBUTE = "fintech.budget.successes-per-address";
    public static final String SUCCESSES_PER_CLIENT_ATTRIBUTE = "fintech.budget.successes-per-client";
    public static final String WINDOW_ATTRIBUTE = "fintech.budget.window-seconds";
    /** The value that turns a budget off. */
    public static final String OFF = "off";

    /**
     * A source sending wrong passwords as fast as the server answers makes thousands a minute; 100 a minute is more
     * than the customers behind one carrier NAT mistype, and caps one source at 144,000 a day.
     */
    public static final int DEFAULT_FAILURES_PER_ADDRESS = 100;
    /** Ten times the address budget: a client's customers come from many addresses, an attack through it from many more. */
    public static final int DEFAULT_FAILURES_PER_CLIENT = 1000;
    /** A minute: short enough that a refusal of a shared address or client never lasts long. */
    public static final int DEFAULT_WINDOW_SECONDS = 60;
    /**
     * Ten times the failure budget: an office or carrier NAT logs in many customers a minute, and a caller holding
     * thousands of stolen valid credentials is slowed to this (1,440,000 a day with the defaults).
     */
    public static final int DEFAULT_SUCCESSES_PER_ADDRESS = 1000;
    /** Ten times the address's: a busy app's customers log in from many addresses. */
    public static final int DEFAULT_SUCCESSES_PER_CLIENT = 10_000;
    public static final int MAX_FAILURES = 1_000_000;
    /** Higher than failures': a client's right logins in a window may be many more than anyone's wrong ones. */
    public static final int MAX_SUCCESSES = 10_000_000;
    /** A day. */
    public static final int MAX_WINDOW_SECONDS = 86_400;

    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,10}");
    private static final Logger LOG = Logger.getLogger(CallerBudgetSettings.class);

    /** The budgets of {@code realm}. */
    public static CallerBudgetSettings of(RealmModel realm) {
        return parse(realm.getName(), realm::getAttribute);
    }

    /** Failure budgets only, success budgets off: what the failure budgets' own tests drive. */
    public CallerBudgetSettings(Optional<FailureBudget> perAddress, Optional<FailureBudget> perClient) {
        this(perAddress, perClient, Optional.empty(), Optional.empty());
    }

    static CallerBudgetSettings parse(String realmName, Function<String, String> attributes) {
        long windowMillis = Duration.ofSeconds(number(realmName, WINDOW_ATTRIBUTE, attributes.apply(WINDOW_ATTRIBUTE),
                MAX_WINDOW_SECONDS, DEFAULT_WINDOW_SECONDS)).toMillis();
        CallerBudgetSettings settings = new CallerBudgetSettings(
                budget(realmName, FAILURES_PER_ADDRESS_ATTRIBUTE, attributes.apply(FAILURES_PER_ADDRESS_ATTRIBUTE),
                        MAX_FAILURES, DEFAULT_FAILURES_PER_ADDRESS, windowMillis),
                budget(realmName, FAILURES_PER_CLIENT_ATTRIBUTE, attributes.apply(FAILURES_PER_CLIENT_ATTRIBUTE),
                        MAX_FAILURES, DEFAULT_FAILURES_PER_CLIENT, windowMillis),
                budget(realmName, SUCCESSES_PER_ADDRESS_ATTRIBUTE, attributes.apply(SUCCESSES_PER_ADDRESS_ATTRIBUTE),
                        MAX_SUCCESSES, DEFAULT_SUCCESSES_PER_ADDRESS, windowMillis),
                budget(realmName, SUCCESSES_PER_CLIENT_ATTRIBUTE, attributes.apply(SUCCESSES_PER_CLIENT_ATTRIBUTE),
                        MAX_SUCCESSES, DEFAULT_SUCCESSES_PER_CLIENT, windowMillis));
        warnIfLower(realmName, settings.successesPerAddress(), SUCCESSES_PER_ADDRESS_ATTRIBUTE, settings.perAddress(),
                FAILURES_PER_ADDRESS_ATTRIBUTE);
        warnIfLower(realmName, settings.successesPerClient(), SUCCESSES_PER_CLIENT_ATTRIBUTE, settings.perClient(),
                FAILURES_PER_CLIENT_ATTRIBUTE);
        return settings;
    }

    /** Whether {@code value} is what a failure budget setting takes: {@value #OFF}, or 0 to {@value #MAX_FAILURES}. */
    public static boolean isBudget(String value) {
        return isBudget(value, MAX_FAILURES);
    }

    /** Whether {@code value} is what a success budget setting takes: {@value #OFF}, or 0 to {@value #MAX_SUCCESSES}. */
    public static boolean isSuccessBudget(String value) {
        return isBudget(value, MAX_SUCCESSES);
    }

    private static boolean isBudget(String value, int max) {
        String setting = value.strip();
        return setting.equalsIgnoreCase(OFF) || isNumber(setting, max);
    }

    private static void warnIfLower(String realmName, Optional<FailureBudget> successes, String successAttribute,
            Optional<FailureBudget> failures, String failureAttribute) {
        if (successes.isPresent() && failures.isPresent() && successes.get().limit() < failures.get().limit()) {
            LOG.warnf("Realm '%s': %s (%d) is lower than %s (%d); a caller's right logins are refused before its wrong "
                    + "ones", realmName, successAttribute, successes.get().limit(), failureAttribute, failures.get().limit());
        }
    }

    /** Whether {@code value} is what the window setting takes: 0 to {@value #MAX_WINDOW_SECONDS}. */
    public static boolean isWindow(String value) {
        return isNumber(value.strip(), MAX_WINDOW_SECONDS);
    }

    private static Optional<FailureBudget> budget(String realmName, String attribute, String value, int max,
            int defaultLimit, long windowMillis) {
        if (value != null && value.strip().toLowerCase(Locale.ROOT).equals(OFF)) {
            return Optional.empty();
        }
        return Optional.of(new FailureBudget(number(realmName, attribute, value, max, defaultLimit), windowMillis));
    }

    /** 1 to {@code max}; absent, blank or 0: {@code defaultValue}; anything else: {@code defaultValue} with a WARN. */
    private static int number(String realmName, String attribute, String value, int max, int defaultValue) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        String setting = value.strip();
        if (!isNumber(setting, max)) {
            LOG.warnf("Realm '%s': attribute %s must be a whole number from 0 (the default) to %d%s; using %d", realmName,
                    attribute, max, attribute.equals(WINDOW_ATTRIBUTE) ? "" : ", or " + OFF, defaultValue);
            return defaultValue;
        }
        int number = Integer.parseInt(setting);
        return number == 0 ? defaultValue : number;
    }

    private static boolean isNumber(String value, int max) {
        return DIGITS.matcher(value).matches() && Long.parseLong(value) <= max;
    }
}
