package com.fintechlogin.keycloak.device;

import java.util.Optional;

import com.fintechlogin.keycloak.keys.PinPepperUnavailableException;
import com.fintechlogin.keycloak.keys.RealmRsaKeys;
import com.fintechlogin.keycloak.limit.CredentialKinds;
import com.fintechlogin.keycloak.limit.LimitedCheck;
import com.fintechlogin.keycloak.limit.PinAttempts;
import com.fintechlogin.keycloak.limit.Verdict;
import com.fintechlogin.keycloak.login.AccountStatus;
import com.fintechlogin.keycloak.login.AuthenticationLevel;
import com.fintechlogin.keycloak.login.CallerBudgetGate;
import com.fintechlogin.keycloak.login.DirectGrantStep;
import com.fintechlogin.keycloak.login.FailureReason;
import com.fintechlogin.keycloak.login.FlowInputs;
import com.fintechlogin.keycloak.login.LoginFailures;
import com.fintechlogin.keycloak.login.SignInMode;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * The PIN/device login in device mode: the app proves it runs on the user's registered device by sending the device id
 * encrypted with the realm's RSA-OAEP-256 key. Each ciphertext is accepted once, on any node (Keycloak's
 * single-use store), and each new one counts as an attempt under the PIN's exact limit, with a counter of its own.
 */
public final class DeviceLoginStep extends DirectGrantStep {

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        // Asked by the step that found the user already, in the flows this project builds; here for flows that do not.
        if (CallerBudgetGate.refused(context)) {
            return;
        }
        if (SignInMode.of(context) != SignInMode.DEVICE) {
            context.attempted();
            return;
        }
        UserModel user = context.getUser();
        RealmModel realm = context.getRealm();
        FailureReason blocked = AccountStatus.lockoutReason(context, user);
        if (blocked != null) {
            LoginFailures.fail(context, blocked);
            return;
        }
        String deviceId = FlowInputs.deviceId(context);
        String encoded = FlowInputs.pin(context);
        byte[] ciphertext = encoded == null ? null : DeviceCiphertexts.decode(encoded);
        if (deviceId == null || ciphertext == null || ciphertext.length == 0) {
            LoginFailures.fail(context, deviceId == null ? FailureReason.DEVICE_NOT_REGISTERED : FailureReason.MALFORMED_REQUEST);
            return;
        }
        // Looked up only, not claimed: a replay guesses nothing and must not spend the user's attempts, but a marker
        // is written only for a proof that matched, so random ciphertexts cannot fill the replicated store.
        String marker = DeviceCiphertexts.marker(realm.getId(), ciphertext);
        if (context.getSession().singleUseObjects().contains(marker)) {
            LoginFailures.fail(context, FailureReason.REPLAYED);
            return;
        }
        Optional<DeviceCredentialModel> device;
        try {
            device = new DeviceCredentialProvider(context.getSession()).find(realm, user, deviceId);
        } catch (PinPepperUnavailableException noPepper) {
            // Logged for the admin where it was found: device ids are kept under the PIN's pepper.
            LoginFailures.fail(context, FailureReason.NOT_CONFIGURED);
            return;
        }
        device.ifPresent(matched -> MatchedDevice.remember(context.getSession(), matched));
        if (device.isPresent() && device.get().publicKey() != null) {
            SignedDeviceLogin.authenticate(context, device.get(), deviceId);
            return;
        }
        boolean registered = device.isPresent();
        // A device without a key proves itself with the documented encrypted id, unless the realm turned that off:
        // then nothing it sends can match, and each try counts like a wrong proof.
        boolean proofAllowed = DeviceSettings.of(realm).encryptedIdProof();
        RealmRsaKeys keys = new RealmRsaKeys(context.getSession(), realm);
        String keyRef = FlowInputs.keyRef(context);
        // An unregistered device id is a wrong guess like a wrong proof: counted, so device ids cannot be tried freely.
        Verdict verdict = LimitedCheck.run(context.getSession(), realm, user, CredentialKinds.DEVICE,
                Optional.of(PinAttempts.devicePolicy(realm)),
                () -> registered && proofAllowed
                        && keys.decrypt(keyRef, ciphertext).filter(plain -> DeviceCiphertexts.matches(plain, deviceId)).isPresent());
        if (verdict.outcome() == Verdict.Outcome.WRONG && !registered) {
            LoginFailures.failUnknownDevice(context, verdict);
            return;
        }
        if (verdict.right() && !context.getSession().singleUseObjects().putIfAbsent(marker, DeviceReplayWindow.seconds(realm))) {
            // The same proof sent twice at once: the other request claimed it.
            LoginFailures.fail(context, FailureReason.REPLAYED);
            return;
        }
        if (verdict.right()) {
            new DeviceCredentialProvider(context.getSession()).recordUse(context.getRealm(), user, device.get());
        }
        // The documented proof is the device id encrypted under the realm's public key: anyone who learns the id can
        // make it, and the id is no secret (a PIN login sends it in clear). So it proves no more than the app's word.
        LoginFailures.conclude(context, verdict, DeviceCredentialModel.TYPE, AuthenticationLevel.APP_VOUCHED);
    }

    @Override
    public boolean requiresUser() {
        return true;
    }
}
