package com.fintechlogin.keycloak.cardportal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.jboss.logging.Logger;
import org.keycloak.models.ClientModel;

/**
 * How one affiliate client signs its requests, read from its client attributes: the one place they are read.
 *
 * <p>The processor key and the checksum secret are kept as configured — the value itself or a {@code ${vault.<key>}}
 * reference — and resolved only when a request is checked, so that a changed vault entry takes effect at once.
 *
 * @param processorKey        {@value #PROCESSOR_KEY_ATTRIBUTE}: what the {@code processor-key} header must equal; a
 *                            client without it is no affiliate
 * @param secret              {@value #SECRET_ATTRIBUTE}: appended to the values before hashing
 * @param fields              {@value #FIELDS_ATTRIBUTE}: the request fields whose values are concatenated, in this
 *                            order (default: the API's documented order)
 * @param replayWindowSeconds {@value #REPLAY_WINDOW_ATTRIBUTE}: 0 (the default, as the documented scheme has no
 *                            timestamp) turns replay protection off; otherwise a {@code timestamp} field (epoch ms)
 *                            within this many seconds of the server's clock joins the checksum after the fields, and
 *                            each checksum is accepted once
 */
public record ChecksumSettings(String processorKey, String secret, List<String> fields, long replayWindowSeconds) {

    public static final String PROCESSOR_KEY_ATTRIBUTE = "fintech.affiliate.processor-key";
    public static final String SECRET_ATTRIBUTE = "fintech.checksum.secret";
    public static final String FIELDS_ATTRIBUTE = "fintech.checksum.fields";
    public static final String REPLAY_WINDOW_ATTRIBUTE = "fintech.checksum.replay-window-seconds";

    /** A day: clocks are never that far apart, and every accepted checksum is remembered for up to twice the window. */
    public static final long MAX_REPLAY_WINDOW_SECONDS = 86_400;

    private static final Pattern WINDOW = Pattern.compile("[0-9]{1,6}");
    private static final Logger LOG = Logger.getLogger(ChecksumSettings.class);

    public ChecksumSettings {
        fields = List.copyOf(fields);
    }

    /** What a client's attributes say about it. */
    public sealed interface Read {
    }

    /** An affiliate, with its settings. */
    public record Configured(ChecksumSettings settings) implements Read {
    }

    /** No processor key: the client is not an affiliate, whatever else it is. */
    public record NotAnAffiliate() implements Read {
    }

    /**
     * An affiliate whose {@code attribute} cannot be used as it is; its requests are refused until an admin fixes it,
     * rather than checked by a weaker rule than the one configured.
     */
    public record Misconfigured(String attribute, String problem) implements Read {
    }

    /** Whether requests carry a timestamp and each checksum is accepted once. */
    public boolean replayProtected() {
        return replayWindowSeconds > 0;
    }

    /**
     * The settings of {@code client}; {@code documentedFields} are the fields the API's document concatenates, in its
     * order. A misconfigured affiliate is logged (attribute and problem, never a value).
     */
    public static Read of(ClientModel client, List<String> documentedFields) {
        Read read = parse(client::getAttribute, documentedFields);
        if (read instanceof Misconfigured misconfigured) {
            LOG.warnf("Realm '%s': affiliate client '%s' is refused until its attribute %s is fixed: it %s",
                    client.getRealm().getName(), client.getClientId(), misconfigured.attribute(), misconfigured.problem());
        }
        return read;
    }

    static Read parse(Function<String, String> attributes, List<String> documentedFields) {
        String processorKey = stripped(attributes.apply(PROCESSOR_KEY_ATTRIBUTE));
        if (processorKey == null) {
            return new NotAnAffiliate();
        }
        String secret = stripped(attributes.apply(SECRET_ATTRIBUTE));
        if (secret == null) {
            return new Misconfigured(SECRET_ATTRIBUTE, "is not set");
        }
        List<String> fields = fields(stripped(attributes.apply(FIELDS_ATTRIBUTE)), documentedFields);
        if (fields == null) {
            return new Misconfigured(FIELDS_ATTRIBUTE, "must name each of " + String.join(",", documentedFields)
                    + " exactly once, comma-separated");
        }
        String window = stripped(attributes.apply(REPLAY_WINDOW_ATTRIBUTE));
        if (window != null && !isReplayWindow(window)) {
            // A typo must not silently turn replay protection off.
            return new Misconfigured(REPLAY_WINDOW_ATTRIBUTE, "must be a number of seconds from 0 (off) to "
                    + MAX_REPLAY_WINDOW_SECONDS);
        }
        return new Configured(new ChecksumSettings(processorKey, secret, fields, window == null ? 0 : Long.parseLong(window)));
    }

    /** Whether {@code window} (stripped) is a replay window this reader takes: 0 to {@value #MAX_REPLAY_WINDOW_SECONDS}. */
    public static boolean isReplayWindow(String window) {
        return WINDOW.matcher(window).matches() && Long.parseLong(window) <= MAX_REPLAY_WINDOW_SECONDS;
    }

    /** Whether {@code configured} (stripped) is a field order this reader takes for {@code documented}. */
    public static boolean isFieldOrder(String configured, List<String> documented) {
        return fields(configured, documented) != null;
    }

    /**
     * The configured order, which must be a permutation of the documented fields: the order is the affiliate's
     * choice, but leaving a field out of the checksum would let it be changed in transit.
     */
    private static List<String> fields(String configured, List<String> documented) {
        if (configured == null) {
            return documented;
        }
        List<String> fields = new ArrayList<>();
        for (String field : configured.split(",", -1)) {
            fields.add(field.strip());
        }
        Set<String> distinct = new HashSet<>(fields);
        boolean permutation = fields.size() == documented.size() && distinct.size() == fields.size()
                && distinct.containsAll(documented);
        return permutation ? fields : null;
    }

    private static String stripped(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Never prints the processor key or the secret, which may be configured in clear. */
    @Override
    public String toString() {
        return "ChecksumSettings[fields=" + fields + ", replayWindowSeconds=" + replayWindowSeconds + "]";
    }
}
