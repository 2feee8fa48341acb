package com.fintechlogin.keycloak.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.keycloak.credential.CredentialModel;

/** "Last used" is kept to the UTC day: a device's credential is written on its first sign-in of a day only. */
class DeviceLastUsedTest {

    private static final long MORNING = Instant.parse("2026-12-07T06:00:00Z").toEpochMilli();
    private static final long EVENING = Instant.parse("2026-12-07T23:59:59Z").toEpochMilli();
    private static final long NEXT_DAY = Instant.parse("2026-12-08T00:00:00Z").toEpochMilli();

    @Test
    void aDeviceThatNeverSignedInRecordsItsFirstSignIn() {
        DeviceCredentialModel device = DeviceCredentialModel.create(new byte[32], false, null);

        assertThat(device.lastUsed()).isNull();
        assertThat(device.usedOn(MORNING)).isFalse();
    }

    @Test
    void laterSignInsTheSameDayWriteNothingAndTheNextDayWritesAgain() {
        DeviceCredentialModel used = DeviceCredentialModel.create(new byte[32], false, null).usedAt(MORNING);

        assertThat(used.usedOn(MORNING)).isTrue();
        assertThat(used.usedOn(EVENING)).isTrue();
        assertThat(used.usedOn(NEXT_DAY)).isFalse();
    }

    @Test
    void theRecordedDaySurvivesStorageAndKeepsTheDeviceAsItWas() {
        DeviceCredentialModel device = DeviceCredentialModel.create(new byte[32], true, "a-key");
        device.setId("credential-1");

        CredentialModel stored = device.usedAt(MORNING);
        DeviceCredentialModel read = DeviceCredentialModel.from(stored);

        assertThat(read.lastUsed()).isEqualTo(MORNING);
        assertThat(read.getId()).isEqualTo("credential-1");
        assertThat(read.fingerprint()).isEqualTo(device.fingerprint());
        assertThat(read.simBindingEnabled()).isTrue();
        assertThat(read.publicKey()).isEqualTo("a-key");
        assertThat(read.idHash()).isEqualTo(device.idHash());
        assertThat(read.withSimBinding(false).lastUsed()).as("a binding change keeps the day").isEqualTo(MORNING);
    }

    @Test
    void aDeviceStoredBeforeLastUsedExistedReadsAsNeverUsed() {
        CredentialModel stored = new CredentialModel();
        stored.setType(DeviceCredentialModel.TYPE);
        stored.setCredentialData("{\"fingerprint\":\"00aa\",\"simBindingEnabled\":false}");
        stored.setSecretData("{\"idHash\":\"AAAA\"}");

        assertThat(DeviceCredentialModel.from(stored).lastUsed()).isNull();
    }
}
