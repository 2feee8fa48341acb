package com.fintechlogin.keycloak.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import com.fintechlogin.keycloak.login.FailureReason;

import org.junit.jupiter.api.Test;
import org.keycloak.events.Errors;
import org.keycloak.events.Event;
import org.keycloak.events.EventType;

/** Which events are measured, and that every tag value comes from a finite set, whatever the event carries. */
class EventMeasurementsTest {

    private static final Set<String> REALM_CLIENTS = Set.of("user-api", "MOB-APP");
    private static final Predicate<String> OF_REALM = REALM_CLIENTS::contains;

    private static Event event(EventType type, String clientId, String error, Map<String, String> details) {
        Event event = new Event();
        event.setType(type);
        event.setRealmId("realm-id");
        event.setRealmName("demo");
        event.setClientId(clientId);
        event.setUserId("5b1f0c1e-user-id");
        event.setIpAddress("203.0.113.7");
        event.setError(error);
        event.setDetails(new HashMap<>(details));
        return event;
    }

    private static Measurement.Attempt attempt(Event event) {
        return EventMeasurements.of(event, OF_REALM).orElseThrow().attempt();
    }

    @Test
    void anApiLoginIsCountedUnderItsApiClientAndOutcomeAndTimed() {
        Measurement success = EventMeasurements.of(event(EventType.LOGIN, "user-api", null,
                Map.of("fintech_api", "user-login", "username", "someone@bank.example")), OF_REALM).orElseThrow();

        assertThat(success.realm()).isEqualTo("demo");
        assertThat(success.attempt()).isEqualTo(new Measurement.Attempt("user-login", "user-api", "success", true));
        assertThat(success.lockedKind()).isNull();
    }

    @Test
    void aFailureIsTaggedWithItsReasonForEveryReason() {
        for (FailureReason reason : FailureReason.values()) {
            Event failure = event(EventType.LOGIN_ERROR, "user-api", reason.eventError(),
                    Map.of("fintech_api", "user-login", "reason", reason.detail()));
            assertThat(attempt(failure).outcome()).as(reason.name()).isEqualTo(reason.detail());
        }
    }

    @Test
    void aFailureNoStepExplainedIsTaggedWithKeycloaksErrorOnlyWhenItIsOneOfKeycloaks() {
        Event keycloaks = event(EventType.LOGIN_ERROR, "user-api", Errors.INVALID_USER_CREDENTIALS, Map.of("grant_type", "password"));
        Event unknownReason = event(EventType.LOGIN_ERROR, "user-api", Errors.USER_NOT_FOUND, Map.of("reason", "not_authenticated"));
        Event madeUp = event(EventType.LOGIN_ERROR, "user-api", "error-9999097535", Map.of());
        Event none = event(EventType.LOGIN_ERROR, "user-api", null, Map.of());

        assertThat(attempt(keycloaks).outcome()).isEqualTo("invalid_user_credentials");
        assertThat(attempt(unknownReason).outcome()).isEqualTo("user_not_found");
        assertThat(attempt(madeUp).outcome()).isEqualTo("other");
        assertThat(attempt(none).outcome()).isEqualTo("other");
    }

    @Test
    void aClientIdThatIsNoClientOfTheRealmIsUnknown() {
        String forged = "forged-client-" + "x".repeat(200);

        assertThat(attempt(event(EventType.LOGIN_ERROR, forged, Errors.CLIENT_NOT_FOUND, Map.of("grant_type", "password"))).client())
                .isEqualTo("unknown");
        assertThat(attempt(event(EventType.LOGIN_ERROR, null, Errors.INVALID_REQUEST, Map.of("fintech_api", "card-portal-login"))).client())
                .isEqualTo("unknown");
        assertThat(attempt(event(EventType.LOGIN_ERROR, "", Errors.INVALID_REQUEST, Map.of())).client()).isEqualTo("unknown");
        assertThat(attempt(event(EventType.LOGIN, "MOB-APP", null, Map.of("fintech_api", "lending-token"))).client())
                .isEqualTo("MOB-APP");
    }

    @Test
    void keycloaksOwnRoutesAreCountedButNotTimed() {
        Measurement.Attempt token = attempt(event(EventType.LOGIN, "user-api", null, Map.of("grant_type", "password")));
        Measurement.Attempt browser = attempt(event(EventType.LOGIN, "user-api", null, Map.of("auth_type", "code")));

        assertThat(token).isEqualTo(new Measurement.Attempt("token-endpoint", "user-api", "success", false));
        assertThat(browser).isEqualTo(new Measurement.Attempt("browser", "user-api", "success", false));
    }

    @Test
    void anAppLoginCountsOnlyThroughTheGetTokenApi() {
        Event getToken = event(EventType.CLIENT_LOGIN_ERROR, "MOB-APP", Errors.INVALID_CLIENT_CREDENTIALS,
                Map.of("fintech_api", "get-token", "reason", "client_refused"));
        Event keycloaksGrant = event(EventType.CLIENT_LOGIN, "MOB-APP", null, Map.of("grant_type", "client_credentials"));

        assertThat(attempt(getToken)).isEqualTo(new Measurement.Attempt("get-token", "MOB-APP", "client_refused", true));
        assertThat(EventMeasurements.of(keycloaksGrant, OF_REALM)).isEmpty();
    }

    @Test
    void otherEventsAreNotLoginAttempts() {
        for (EventType type : new EventType[] {EventType.UPDATE_CREDENTIAL, EventType.UPDATE_CREDENTIAL_ERROR,
                EventType.USER_DISABLED_BY_TEMPORARY_LOCKOUT, EventType.CODE_TO_TOKEN, EventType.REFRESH_TOKEN}) {
            assertThat(EventMeasurements.of(event(type, "user-api", null, Map.of("fintech_api", "set-pin")), OF_REALM))
                    .as(type.name()).isEmpty();
        }
    }

    @Test
    void theWrongCredentialThatUsedTheLastAttemptIsALockOfItsKindByAnyRoute() {
        Measurement login = EventMeasurements.of(event(EventType.LOGIN_ERROR, "MOB-APP", Errors.INVALID_USER_CREDENTIALS,
                Map.of("fintech_api", "onboarding-login", "reason", "invalid_credentials", "attempts_left", "0",
                        "limited_credential", "pin")), OF_REALM).orElseThrow();
        Measurement pinChange = EventMeasurements.of(event(EventType.UPDATE_CREDENTIAL_ERROR, "user-api", Errors.INVALID_USER_CREDENTIALS,
                Map.of("fintech_api", "register-device", "credential_type", "device", "attempts_left", "0",
                        "limited_credential", "pin")), OF_REALM).orElseThrow();

        assertThat(login.lockedKind()).isEqualTo("pin");
        assertThat(login.attempt().outcome()).isEqualTo("invalid_credentials");
        assertThat(pinChange.lockedKind()).as("the PIN checked, not the device changed").isEqualTo("pin");
        assertThat(pinChange.attempt()).as("a credential change is no login").isNull();
    }

    @Test
    void attemptsStillLeftOrAnUnknownKindLockNothing() {
        Map<String, String> oneLeft = Map.of("reason", "invalid_credentials", "attempts_left", "1", "limited_credential", "password");
        Map<String, String> oddKind = Map.of("reason", "invalid_credentials", "attempts_left", "0", "limited_credential", "9999097535");
        Map<String, String> noKind = Map.of("reason", "invalid_credentials", "attempts_left", "0");

        for (Map<String, String> details : new Map[] {oneLeft, oddKind, noKind}) {
            assertThat(EventMeasurements.of(event(EventType.LOGIN_ERROR, "user-api", Errors.INVALID_USER_CREDENTIALS, details), OF_REALM)
                    .orElseThrow().lockedKind()).as(details.toString()).isNull();
        }
        assertThat(EventMeasurements.of(event(EventType.UPDATE_CREDENTIAL_ERROR, "user-api", Errors.INVALID_USER_CREDENTIALS, oneLeft),
                OF_REALM)).isEmpty();
    }

    @Test
    void aReplayIsAnAttemptThatSaysSo() {
        Measurement.Attempt replay = attempt(event(EventType.LOGIN_ERROR, "MOB-APP", Errors.NOT_ALLOWED,
                Map.of("fintech_api", "onboarding-login", "reason", "replayed")));

        assertThat(replay.replayed()).isTrue();
        assertThat(attempt(event(EventType.LOGIN, "MOB-APP", null, Map.of("fintech_api", "onboarding-login"))).replayed()).isFalse();
    }

    @Test
    void anApiNameOfAnotherShapeIsOther() {
        assertThat(attempt(event(EventType.LOGIN, "user-api", null, Map.of("fintech_api", "User Login; 9999097535"))).api())
                .isEqualTo("other");
    }

    @Test
    void noValueAnEventCarriesAboutTheUserOrTheRequestBecomesATag() {
        Map<String, String> personal = Map.of("fintech_api", "user-login", "reason", "invalid_credentials",
                "username", "someone@bank.example", "mobile", "9999097535", "deviceId", "anid:lIWuLfmQ7Qmb",
                "field", "password", "attempts_left", "3", "limited_credential", "password");
        Measurement measurement = EventMeasurements.of(event(EventType.LOGIN_ERROR, "forged-9999097535",
                Errors.INVALID_USER_CREDENTIALS, personal), OF_REALM).orElseThrow();

        String tags = measurement.toString();
        assertThat(tags).doesNotContain("someone@bank.example", "9999097535", "anid:", "5b1f0c1e", "203.0.113.7");
    }
}
