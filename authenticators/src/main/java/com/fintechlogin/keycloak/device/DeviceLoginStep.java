package com.fintechlogin.keycloak.device;

import java.util.Optional;

import com.fintechlogin.keycloak.keys.RealmRsaKeys;
import com.fintechlogin.keycloak.limit.AttemptLimiter;
import com.fintechlogin.keycloak.limit.CredentialKinds;
import com.fintechlogin.keycloak.limit.Reservation;
import com.fintechlogin.keycloak.login.AccountStatus;
import com.fintechlogin.keycloak.login.DirectGrantStep;
import com.fintechlogin.keycloak.login.FailureReason;
import com.fintechlogin.keycloak.login.FlowInputs;
import com.fintechlogin.keycloak.login.LoginFailures;
import com.fintechlogin.keycloak.pin.PinAttempts;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Seed 001's sign-in mode 2: the app proves it runs on the user's registered device by sending the device id
 * encrypted with the realm's RSA-OAEP-256 key. Each ciphertext counts as an attempt under the same exact limit
 * as PINs, and is accepted once, on any node (Keycloak's single-use store).
 */
public final class DeviceLoginStep extends DirectGrantStep {

    static final String DEVICE_MODE = "2";

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        if (!DEVICE_MODE.equals(FlowInputs.signInMode(context))) {
            context.attempted();
            return;
        }
        UserModel user = context.getUser();
        RealmModel realm = context.getRealm();
        String deviceId = FlowInputs.deviceId(context);
        if (deviceId == null || new DeviceCredentialProvider(context.getSession()).find(user, deviceId).isEmpty()) {
            LoginFailures.fail(context, FailureReason.DEVICE_NOT_REGISTERED);
            return;
        }
        FailureReason blocked = AccountStatus.lockoutReason(context, user);
        if (blocked != null) {
            LoginFailures.fail(context, blocked);
            return;
        }
        String encoded = FlowInputs.pin(context);
        byte[] ciphertext = encoded == null ? null : DeviceCiphertexts.decode(encoded);
        if (ciphertext == null || ciphertext.length == 0) {
            LoginFailures.fail(context, FailureReason.MALFORMED_REQUEST);
            return;
        }
        AttemptLimiter limiter = new AttemptLimiter(context.getSession());
        Reservation attempt = limiter.reserve(realm, user, CredentialKinds.DEVICE, PinAttempts.policy(realm));
        if (!attempt.reserved()) {
            LoginFailures.fail(context, FailureReason.CREDENTIAL_LOCKED);
            return;
        }
        if (!context.getSession().singleUseObjects().putIfAbsent(DeviceCiphertexts.marker(realm.getId(), ciphertext),
                DeviceReplayWindow.seconds(realm))) {
            LoginFailures.fail(context, FailureReason.REPLAYED);
            return;
        }
        Optional<byte[]> plaintext = new RealmRsaKeys(context.getSession(), realm).decrypt(FlowInputs.keyRef(context), ciphertext);
        if (plaintext.isEmpty() || !DeviceCiphertexts.matches(plaintext.get(), deviceId)) {
            LoginFailures.failCountedByLimiter(context, FailureReason.INVALID_CREDENTIALS);
            return;
        }
        limiter.succeeded(realm, user, CredentialKinds.DEVICE);
        context.success(DeviceCredentialModel.TYPE);
    }

    @Override
    public boolean requiresUser() {
        return true;
    }
}
