package com.fintechlogin.keycloak.notify;

import java.util.Map;
import java.util.Optional;

import com.fintechlogin.keycloak.device.DeviceCredentialModel;
import com.fintechlogin.keycloak.login.LoginEvents;
import com.fintechlogin.keycloak.pin.PinCredentialModel;

import org.keycloak.events.Details;
import org.keycloak.events.EventType;

/**
 * The changes to a user's PIN or devices that the user is told about by email, and which event announces each.
 * The subject key is a message of the email theme (one parameter: the realm's display name); the template is
 * looked up under the theme's {@code html/} and {@code text/}.
 */
public enum CredentialNotice {

    PIN_SET("fintechPinSetSubject", "fintech-pin-set.ftl"),
    PIN_CHANGED("fintechPinChangedSubject", "fintech-pin-changed.ftl"),
    PIN_RESET("fintechPinResetSubject", "fintech-pin-reset.ftl"),
    PIN_LOCKED("fintechPinLockedSubject", "fintech-pin-locked.ftl"),
    DEVICE_ADDED("fintechDeviceAddedSubject", "fintech-device-added.ftl"),
    DEVICE_REMOVED("fintechDeviceRemovedSubject", "fintech-device-removed.ftl");

    private final String subjectKey;
    private final String template;

    CredentialNotice(String subjectKey, String template) {
        this.subjectKey = subjectKey;
        this.template = template;
    }

    public String subjectKey() {
        return subjectKey;
    }

    public String template() {
        return template;
    }

    /**
     * The notice a successful event calls for, if any. {@code details} may be {@code null} (an event without
     * details). Keycloak's own event types are too coarse to tell a PIN change from a first PIN, so PIN updates
     * need the project's {@link LoginEvents#CHANGE}; a device removal does not, because Keycloak's account console
     * removes devices too and names no change. Lockouts count only when they name the PIN: Keycloak's own
     * brute-force lockout of the whole account is its own "email" listener's business.
     */
    public static Optional<CredentialNotice> forEvent(EventType type, Map<String, String> details) {
        if (type == null) {
            return Optional.empty();
        }
        Map<String, String> known = details == null ? Map.of() : details;
        String credentialType = known.get(Details.CREDENTIAL_TYPE);
        String change = known.get(LoginEvents.CHANGE);
        return Optional.ofNullable(switch (type) {
            case UPDATE_CREDENTIAL -> updated(credentialType, change);
            case REMOVE_CREDENTIAL -> DeviceCredentialModel.TYPE.equals(credentialType) ? DEVICE_REMOVED : null;
            case USER_DISABLED_BY_TEMPORARY_LOCKOUT, USER_DISABLED_BY_PERMANENT_LOCKOUT ->
                    PinCredentialModel.TYPE.equals(credentialType) ? PIN_LOCKED : null;
            default -> null;
        });
    }

    private static CredentialNotice updated(String credentialType, String change) {
        if (PinCredentialModel.TYPE.equals(credentialType) && change != null) {
            return switch (change) {
                case LoginEvents.PIN_SET -> PIN_SET;
                case LoginEvents.PIN_CHANGED -> PIN_CHANGED;
                case LoginEvents.PIN_RESET -> PIN_RESET;
                default -> null;
            };
        }
        if (DeviceCredentialModel.TYPE.equals(credentialType) && LoginEvents.DEVICE_ADDED.equals(change)) {
            return DEVICE_ADDED;
        }
        return null;
    }
}
