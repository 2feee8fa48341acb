package com.fintechlogin.keycloak.device;

import com.fintechlogin.keycloak.login.AuthenticationLevel;
import java.util.Optional;

import com.fintechlogin.keycloak.keys.RealmRsaKeys;
import com.fintechlogin.keycloak.limit.CredentialKinds;
import com.fintechlogin.keycloak.limit.LimitedCheck;
import com.fintechlogin.keycloak.limit.Verdict;
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
 * encrypted with the realm's RSA-OAEP-256 key. Each ciphertext is accepted once, on any node (Keycloak's
 * single-use store), and each new one counts as an attempt under the PIN's exact limit, with a counter of its own.
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
        // Checked before the limiter: a replay guesses nothing, and refusing it must not spend the user's attempts.
        if (!context.getSession().singleUseObjects().putIfAbsent(DeviceCiphertexts.marker(realm.getId(), ciphertext),
                DeviceReplayWindow.seconds(realm))) {
            LoginFailures.fail(context, FailureReason.REPLAYED);
            return;
        }
        RealmRsaKeys keys = new RealmRsaKeys(context.getSession(), realm);
        String keyRef = FlowInputs.keyRef(context);
        Verdict verdict = LimitedCheck.run(context.getSession(), realm, user, CredentialKinds.DEVICE,
                Optional.of(PinAttempts.policy(realm)),
                () -> keys.decrypt(keyRef, ciphertext).filter(plain -> DeviceCiphertexts.matches(plain, deviceId)).isPresent());
        // The documented proof is the device id encrypted under the realm's public key: anyone who learns the id can
        // make it, and the id is no secret (a PIN login sends it in clear). So it proves no more than the app's word.
        LoginFailures.conclude(context, verdict, DeviceCredentialModel.TYPE, AuthenticationLevel.APP_VOUCHED);
    }

    @Override
    public boolean requiresUser() {
        return true;
    }
}
