package com.fintechlogin.keycloak.partner;

import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.jboss.logging.Logger;
import org.keycloak.models.RealmModel;

/**
 * The realm's settings of the encrypted partner login, read from realm attributes: the one place they
 * are read. A value that does not parse falls back to its default with a WARN naming the attribute; for the two
 * switches the default is the strict choice (timestamps required, CBC refused), so a typo never weakens the check.
 *
 * @param clientId          {@value #CLIENT_ID_ATTRIBUTE}: the client the tokens are issued to (its lifetime, mappers
 *                          and direct-grant flow); default {@value #DEFAULT_CLIENT_ID}
 * @param role              {@value #ROLE_ATTRIBUTE}: the realm role a partner user must hold; default
 *                          {@value #DEFAULT_ROLE}
 * @param timestampRequired {@value #TIMESTAMP_REQUIRED_ATTRIBUTE}: whether the payload must carry a {@code timestamp}
 *                          within the window; default true
 * @param windowSeconds     {@value #WINDOW_ATTRIBUTE}: how far a timestamp may be from the server's clock, either
 *                          side, and how long an accepted request's AES key is remembered; default
 *                          {@value #DEFAULT_WINDOW_SECONDS}
 * @param cbcAllowed        {@value #CBC_ALLOWED_ATTRIBUTE}: whether a 16-byte IV (AES-CBC) is accepted; default false
 */
public record PartnerSettings(String clientId, String role, boolean timestampRequired, long windowSeconds, boolean cbcAllowed) {

    public static final String CLIENT_ID_ATTRIBUTE = "fintech.partner.client-id";
    public static final String ROLE_ATTRIBUTE = "fintech.partner.role";
    public static final String TIMESTAMP_REQUIRED_ATTRIBUTE = "fintech.partner.timestamp-required";
    public static final String WINDOW_ATTRIBUTE = "fintech.partner.replay-window-seconds";
    public static final String CBC_ALLOWED_ATTRIBUTE = "fintech.partner.cbc-allowed";

    public static final String DEFAULT_CLIENT_ID = "partner-api";
    public static final String DEFAULT_ROLE = "partner";
    public static final long DEFAULT_WINDOW_SECONDS = 300;
    /** A day: clocks are never that far apart, and every accepted key is remembered for up to twice the window. */
    public static final long MAX_WINDOW_SECONDS = 86_400;

    private static final Pattern SECONDS = Pattern.compile("[0-9]{1,6}");
    private static final Logger LOG = Logger.getLogger(PartnerSettings.class);

    /** The settings of {@code realm}. */
    public static PartnerSettings of(RealmModel realm) {
        return parse(realm.getName(), realm::getAttribute);
    }

    static PartnerSettings parse(String realmName, Function<String, String> attributes) {
        String clientId = stripped(attributes.apply(CLIENT_ID_ATTRIBUTE));
        String role = stripped(attributes.apply(ROLE_ATTRIBUTE));
        return new PartnerSettings(clientId == null ? DEFAULT_CLIENT_ID : clientId,
                role == null ? DEFAULT_ROLE : role,
                // A typo must not turn the timestamp check off, nor CBC on.
                flag(realmName, TIMESTAMP_REQUIRED_ATTRIBUTE, attributes.apply(TIMESTAMP_REQUIRED_ATTRIBUTE), true),
                window(realmName, attributes.apply(WINDOW_ATTRIBUTE)),
                flag(realmName, CBC_ALLOWED_ATTRIBUTE, attributes.apply(CBC_ALLOWED_ATTRIBUTE), false));
    }

    /**
     * How long the marker of an accepted request (its AES key) lives. With timestamps, until the latest timestamp that
     * was fresh when it was accepted (up to a window ahead of the server's clock) has left the window: twice the
     * window. Without, the window itself: after it the same request is accepted again.
     */
    public long markerLifespanSeconds() {
        return timestampRequired ? 2 * windowSeconds : windowSeconds;
    }

    private static boolean flag(String realmName, String attribute, String value, boolean defaultValue) {
        String setting = stripped(value);
        if (setting == null) {
            return defaultValue;
        }
        return switch (setting.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> {
                LOG.warnf("Realm '%s': attribute %s must be true or false; using %s", realmName, attribute, defaultValue);
                yield defaultValue;
            }
        };
    }

    private static long window(String realmName, String value) {
        String setting = stripped(value);
        if (setting == null) {
            return DEFAULT_WINDOW_SECONDS;
        }
        long seconds = SECONDS.matcher(setting).matches() ? Long.parseLong(setting) : -1;
        if (seconds < 1 || seconds > MAX_WINDOW_SECONDS) {
            LOG.warnf("Realm '%s': attribute %s must be a number of seconds from 1 to %d; using %d", realmName,
                    WINDOW_ATTRIBUTE, MAX_WINDOW_SECONDS, DEFAULT_WINDOW_SECONDS);
            return DEFAULT_WINDOW_SECONDS;
        }
        return seconds;
    }

    private static String stripped(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
