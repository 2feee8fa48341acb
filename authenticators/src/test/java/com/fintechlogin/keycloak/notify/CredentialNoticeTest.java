package com.fintechlogin.keycloak.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.events.EventType;

class CredentialNoticeTest {

    private static Map<String, String> details(String... keysAndValues) {
        Map<String, String> details = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            details.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return details;
    }

    @Test
    void eachPinChangeHasItsOwnNotice() {
        assertThat(CredentialNotice.forEvent(EventType.UPDATE_CREDENTIAL, details("credential_type", "pin", "fintech_change", "pin_set")))
                .contains(CredentialNotice.PIN_SET);
        assertThat(CredentialNotice.forEvent(EventType.UPDATE_CREDENTIAL, details("credential_type", "pin", "fintech_change", "pin_changed")))
                .contains(CredentialNotice.PIN_CHANGED);
        assertThat(CredentialNotice.forEvent(EventType.UPDATE_CREDENTIAL, details("credential_type", "pin", "fintech_change", "pin_reset")))
                .contains(CredentialNotice.PIN_RESET);
    }

    @Test
    void aPinUpdateThatNamesNoKnownChangeMailsNobody() {
        assertThat(CredentialNotice.forEvent(EventType.UPDATE_CREDENTIAL, details("credential_type", "pin"))).isEmpty();
        assertThat(CredentialNotice.forEvent(EventType.UPDATE_CREDENTIAL, details("credential_type", "pin", "fintech_change", "device_added")))
                .isEmpty();
        assertThat(CredentialNotice.forEvent(EventType.UPDATE_CREDENTIAL, details("credential_type", "pin", "fintech_change", "something")))
                .isEmpty();
    }

    @Test
    void aRegisteredDeviceIsANewDeviceNotice() {
        assertThat(CredentialNotice.forEvent(EventType.UPDATE_CREDENTIAL, details("credential_type", "device", "fintech_change", "device_added")))
                .contains(CredentialNotice.DEVICE_ADDED);
        assertThat(CredentialNotice.forEvent(EventType.UPDATE_CREDENTIAL, details("credential_type", "device"))).isEmpty();
    }

    @Test
    void aRemovedDeviceIsANoticeWhoeverRemovedIt() {
        assertThat(CredentialNotice.forEvent(EventType.REMOVE_CREDENTIAL, details("credential_type", "device", "fintech_change", "device_removed")))
                .contains(CredentialNotice.DEVICE_REMOVED);
        // Keycloak's account console names no change, and labels the credential with the device id.
        assertThat(CredentialNotice.forEvent(EventType.REMOVE_CREDENTIAL, details("credential_type", "device", "credential_user_label", "anid:x")))
                .contains(CredentialNotice.DEVICE_REMOVED);
    }

    @Test
    void aPinLockIsANoticeWhetherTemporaryOrPermanent() {
        assertThat(CredentialNotice.forEvent(EventType.USER_DISABLED_BY_TEMPORARY_LOCKOUT, details("credential_type", "pin")))
                .contains(CredentialNotice.PIN_LOCKED);
        assertThat(CredentialNotice.forEvent(EventType.USER_DISABLED_BY_PERMANENT_LOCKOUT, details("credential_type", "pin")))
                .contains(CredentialNotice.PIN_LOCKED);
    }

    @Test
    void keycloaksOwnAccountLockoutIsNotAPinNotice() {
        assertThat(CredentialNotice.forEvent(EventType.USER_DISABLED_BY_TEMPORARY_LOCKOUT, null)).isEmpty();
        assertThat(CredentialNotice.forEvent(EventType.USER_DISABLED_BY_PERMANENT_LOCKOUT, details("credential_type", "password")))
                .isEmpty();
    }

    @Test
    void otherCredentialsAndOtherEventsMailNobody() {
        assertThat(CredentialNotice.forEvent(EventType.UPDATE_CREDENTIAL, details("credential_type", "password"))).isEmpty();
        assertThat(CredentialNotice.forEvent(EventType.REMOVE_CREDENTIAL, details("credential_type", "pin"))).isEmpty();
        assertThat(CredentialNotice.forEvent(EventType.REMOVE_CREDENTIAL, details("credential_type", "otp"))).isEmpty();
        assertThat(CredentialNotice.forEvent(EventType.LOGIN, details("credential_type", "pin", "fintech_change", "pin_set"))).isEmpty();
        assertThat(CredentialNotice.forEvent(EventType.UPDATE_CREDENTIAL_ERROR, details("credential_type", "pin", "fintech_change", "pin_set")))
                .isEmpty();
        assertThat(CredentialNotice.forEvent(null, details("credential_type", "pin", "fintech_change", "pin_set"))).isEmpty();
        assertThat(CredentialNotice.forEvent(EventType.UPDATE_CREDENTIAL, null)).isEmpty();
    }

    @Test
    void everyNoticeHasItsOwnSubjectAndTemplate() {
        assertThat(CredentialNotice.values()).extracting(CredentialNotice::subjectKey).doesNotHaveDuplicates();
        assertThat(CredentialNotice.values()).extracting(CredentialNotice::template).doesNotHaveDuplicates()
                .allSatisfy(template -> assertThat(template).matches("fintech-[a-z-]+\\.ftl"));
    }
}
