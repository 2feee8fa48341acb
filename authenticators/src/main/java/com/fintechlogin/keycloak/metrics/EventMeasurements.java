package com.fintechlogin.keycloak.metrics;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fintechlogin.keycloak.limit.CredentialKinds;
import com.fintechlogin.keycloak.login.FailureReason;
import com.fintechlogin.keycloak.login.LoginEvents;

import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.Event;
import org.keycloak.events.EventType;

/**
 * Reads an event into its {@link Measurement}: which events are login attempts, and the tag values, each from a
 * finite set. A tag value that a caller could choose (a forged client id, a user, a mobile number, a device) would
 * give an attacker a new time series per request, and put personal data into the metrics: so no value is taken from
 * an event unless it is known to be one of a bounded set, and anything else becomes a fixed word.
 */
final class EventMeasurements {

    static final String SUCCESS = "success";
    /** The client tag of an event that names no client of its realm: a forged or mistyped id, or none. */
    static final String UNKNOWN = "unknown";
    /** An outcome or API that is none of the known ones. */
    static final String OTHER = "other";
    /** A login through Keycloak's token endpoint (a direct grant, {@code grant_type} set) rather than a project API. */
    static final String TOKEN_ENDPOINT = "token-endpoint";
    /** A login through Keycloak's browser flow. */
    static final String BROWSER = "browser";
    static final String REPLAYED = FailureReason.REPLAYED.detail();

    /** The attempt limiter's kinds, the only values of the locks' {@code kind} tag. */
    static final Set<String> KINDS = Set.of(CredentialKinds.PIN, CredentialKinds.PASSWORD, CredentialKinds.DEVICE);

    /**
     * Keycloak's own event errors, the constants of {@link Errors}: a failure that no step of the project explained is
     * tagged with its event error only when the error is one of these, as Keycloak's code writes them.
     */
    private static final Set<String> KEYCLOAK_ERRORS = Arrays.stream(Errors.class.getFields())
            .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == String.class)
            .map(EventMeasurements::constant)
            .collect(Collectors.toUnmodifiableSet());

    /** The project's API names ({@code fintech_api}) are constants of its endpoints; this shape is all they take. */
    private static final Pattern API_NAME = Pattern.compile("[a-z][a-z0-9-]{0,39}");

    private EventMeasurements() {
    }

    /**
     * The measurement of {@code event}, if it is a login attempt or locked a credential. {@code clientOfRealm} tells
     * whether a client id is a client of the event's realm.
     */
    static Optional<Measurement> of(Event event, Predicate<String> clientOfRealm) {
        Map<String, String> details = event.getDetails() == null ? Map.of() : event.getDetails();
        Measurement.Attempt attempt = attempt(event, details, clientOfRealm);
        String lockedKind = lockedKind(details);
        if (attempt == null && lockedKind == null) {
            return Optional.empty();
        }
        String realm = event.getRealmName() == null ? UNKNOWN : event.getRealmName();
        return Optional.of(new Measurement(realm, attempt, lockedKind));
    }

    /**
     * A user's login by any route ({@code LOGIN}), or an app's own login through the Get Token API ({@code CLIENT_LOGIN}
     * with {@code fintech_api}); Keycloak's own client-credentials grant is counted by Keycloak's user-event metrics.
     */
    private static Measurement.Attempt attempt(Event event, Map<String, String> details, Predicate<String> clientOfRealm) {
        EventType type = event.getType();
        String api = details.get(LoginEvents.API);
        boolean login = type == EventType.LOGIN || type == EventType.LOGIN_ERROR;
        boolean appLogin = (type == EventType.CLIENT_LOGIN || type == EventType.CLIENT_LOGIN_ERROR) && api != null;
        if (!login && !appLogin) {
            return null;
        }
        String route = api != null ? (API_NAME.matcher(api).matches() ? api : OTHER)
                : details.containsKey(Details.GRANT_TYPE) ? TOKEN_ENDPOINT : BROWSER;
        return new Measurement.Attempt(route, client(event.getClientId(), clientOfRealm), outcome(event, details), api != null);
    }

    /** A client of the realm by its id; anything else (a forged id, none) is {@link #UNKNOWN}. */
    static String client(String clientId, Predicate<String> clientOfRealm) {
        return clientId != null && !clientId.isEmpty() && clientOfRealm.test(clientId) ? clientId : UNKNOWN;
    }

    /**
     * {@code success}; else the project's reason ({@link FailureReason#detail()}); else Keycloak's event error when it
     * is one of Keycloak's; else {@link #OTHER}.
     */
    static String outcome(Event event, Map<String, String> details) {
        if (!event.getType().name().endsWith("_ERROR")) {
            return SUCCESS;
        }
        FailureReason reason = FailureReason.fromDetail(details.get(LoginEvents.REASON));
        if (reason != null) {
            return reason.detail();
        }
        String error = event.getError();
        return error != null && KEYCLOAK_ERRORS.contains(error) ? error : OTHER;
    }

    /**
     * The kind whose last attempt this event's wrong credential used: the limiter then locks it. Only the one request
     * that takes the last attempt sees none left, so each lock is counted once.
     */
    private static String lockedKind(Map<String, String> details) {
        String kind = details.get(LoginEvents.LIMITED_CREDENTIAL);
        return "0".equals(details.get(LoginEvents.ATTEMPTS_LEFT)) && kind != null && KINDS.contains(kind) ? kind : null;
    }

    private static String constant(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException notPublic) {
            throw new IllegalStateException(notPublic);
        }
    }
}
