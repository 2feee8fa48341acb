package com.fintechlogin.keycloak.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fintechlogin.keycloak.api.openapi.DocumentedAnswers;
import com.fintechlogin.keycloak.device.DeviceCredentialModel;
import com.fintechlogin.keycloak.limit.AttemptStatus;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

class AdminViewsTest {

    @Test
    void aCleanCounterShowsNoLockAndANullLockEnd() {
        String json = AdminViews.write(AdminViews.pinStatus(true, new AttemptStatus(0, false, AttemptStatus.NOT_LOCKED, 5, 0)));

        assertThat(json).isEqualTo("{\"configured\":true,\"failures\":0,\"locked\":false,\"lockedUntil\":null,\"untilAdminUnlock\":false,\"lockouts\":0}");
    }

    @Test
    void failuresBelowTheLimitShowWithoutALock() {
        String json = AdminViews.write(AdminViews.pinStatus(true, new AttemptStatus(3, false, AttemptStatus.NOT_LOCKED, 2, 1)));

        assertThat(json).isEqualTo("{\"configured\":true,\"failures\":3,\"locked\":false,\"lockedUntil\":null,\"untilAdminUnlock\":false,\"lockouts\":1}");
    }

    @Test
    void aTemporaryLockShowsWhenItEnds() {
        String json = AdminViews.write(AdminViews.pinStatus(true, new AttemptStatus(5, true, 1_700_000_000_000L, 0, 1)));

        assertThat(json).isEqualTo("{\"configured\":true,\"failures\":5,\"locked\":true,\"lockedUntil\":1700000000000,\"untilAdminUnlock\":false,\"lockouts\":1}");
    }

    @Test
    void aLockOnlyAnAdminLiftsHasNoEndAndShowsTheLocksBeforeIt() {
        String json = AdminViews.write(AdminViews.pinStatus(false, new AttemptStatus(5, true, AttemptStatus.UNTIL_ADMIN_UNLOCK, 0, 4)));

        assertThat(json).isEqualTo("{\"configured\":false,\"failures\":5,\"locked\":true,\"lockedUntil\":null,\"untilAdminUnlock\":true,\"lockouts\":4}");
    }

    @Test
    void aDeviceShowsItsCredentialIdFingerprintKeyFlagAndDateButNeverItsId() {
        DeviceCredentialModel device = DeviceCredentialModel.create(new byte[] {(byte) 0xab, 0x12, (byte) 0xcd, 0x34, 1, 2}, true, null);
        device.setId("cred-1");
        device.setCreatedDate(1_700_000_000_123L);

        assertThat(AdminViews.write(List.of(AdminViews.device(device, device.fingerprint()))))
                .isEqualTo("[{\"id\":\"cred-1\",\"fingerprint\":\"ab12cd34\",\"hasKey\":false,\"simBindingEnabled\":true,"
                        + "\"createdDate\":1700000000123}]");
        assertThat(device.getUserLabel()).isEqualTo("Device ab12cd34");
    }

    @Test
    void answersAreJsonAndNeverCached() {
        Response response = AdminViews.ok(List.of());

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getMediaType().toString()).isEqualTo("application/json");
        assertThat(response.getHeaderString("Cache-Control")).contains("no-store");
        assertThat(response.getEntity()).isEqualTo("[]");
    }

    @Test
    void everyViewIsOneTheOpenApiDocumentGives() {
        String pin = "/users/{userId}/pin";
        DocumentedAnswers.assertDocumented("get", pin,
                AdminViews.ok(AdminViews.pinStatus(true, new AttemptStatus(3, false, AttemptStatus.NOT_LOCKED, 2, 1))));
        DocumentedAnswers.assertDocumented("get", pin,
                AdminViews.ok(AdminViews.pinStatus(true, new AttemptStatus(5, true, 1_700_000_000_000L, 0, 1))));
        DocumentedAnswers.assertDocumented("get", pin,
                AdminViews.ok(AdminViews.pinStatus(false, new AttemptStatus(5, true, AttemptStatus.UNTIL_ADMIN_UNLOCK, 0, 4))));
        // As stored: Keycloak gives every stored credential its id.
        DeviceCredentialModel stored = DeviceCredentialModel.create(new byte[32], true, null);
        stored.setId("3f0c9a52-6a1e-4c47-9f3e-0d1f2b7c8a91");
        DocumentedAnswers.assertDocumented("get", "/users/{userId}/devices",
                AdminViews.ok(List.of(AdminViews.device(stored, stored.fingerprint()))));
    }
}
