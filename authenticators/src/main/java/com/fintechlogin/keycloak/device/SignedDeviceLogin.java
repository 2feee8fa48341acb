package com.fintechlogin.keycloak.device;

import java.util.Base64;
import java.util.Optional;

import com.fintechlogin.keycloak.limit.CredentialKinds;
import com.fintechlogin.keycloak.limit.LimitedCheck;
import com.fintechlogin.keycloak.limit.PinAttempts;
import com.fintechlogin.keycloak.limit.Verdict;
import com.fintechlogin.keycloak.login.AuthenticationLevel;
import com.fintechlogin.keycloak.login.FailureReason;
import com.fintechlogin.keycloak.login.FlowInputs;
import com.fintechlogin.keycloak.login.LoginFailures;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.common.util.Time;
import org.keycloak.models.RealmModel;

/**
 * Device login (mode 2) of a device registered with a key: the app signs {@link DeviceKeys#statement} with the
 * device's key and sends the signature in {@code pin} and the statement's time in {@code timestamp}. The
 * documented encrypted id is never accepted for such a device. A statement is good for
 * {@link DeviceSettings#SIGNATURE_WINDOW_SECONDS} either side of the server's clock and once on every node: the
 * single-use marker names the device and the timestamp, not the signature, since an ECDSA signature can be
 * re-encoded into another valid one of the same statement.
 */
final class SignedDeviceLogin {

    private static final String MARKER_PREFIX = "fintech.device-statement.";

    private SignedDeviceLogin() {
    }

    static void authenticate(AuthenticationFlowContext context, DeviceCredentialModel device, String deviceId) {
        RealmModel realm = context.getRealm();
        String sentTimestamp = FlowInputs.timestamp(context);
        if (sentTimestamp == null) {
            // The documented encrypted-id proof, which carries no time: never good for a device with a key, and a
            // wrong proof like any other, counted.
            Verdict verdict = LimitedCheck.run(context.getSession(), realm, context.getUser(), CredentialKinds.DEVICE,
                    Optional.of(PinAttempts.devicePolicy(realm)), () -> false);
            LoginFailures.conclude(context, verdict, DeviceCredentialModel.TYPE, AuthenticationLevel.APP_VOUCHED);
            return;
        }
        Long timestamp = millis(sentTimestamp);
        if (timestamp == null) {
            LoginFailures.fail(context, FailureReason.MALFORMED_REQUEST);
            return;
        }
        long window = DeviceSettings.of(realm).signatureWindowSeconds();
        if (Math.abs(Time.currentTimeMillis() - timestamp) > window * 1000) {
            // Too old or from the future: at best a replay, never a guess, so it costs no attempt.
            LoginFailures.fail(context, FailureReason.REPLAYED);
            return;
        }
        String marker = MARKER_PREFIX + realm.getId() + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(device.idHash())
                + "." + timestamp;
        if (context.getSession().singleUseObjects().contains(marker)) {
            LoginFailures.fail(context, FailureReason.REPLAYED);
            return;
        }
        byte[] statement = DeviceKeys.statement(realm.getName(), deviceId, timestamp);
        String signature = FlowInputs.pin(context);
        Verdict verdict = LimitedCheck.run(context.getSession(), realm, context.getUser(), CredentialKinds.DEVICE,
                Optional.of(PinAttempts.devicePolicy(realm)), () -> DeviceKeys.verifies(device.publicKey(), statement, signature));
        if (verdict.right() && !context.getSession().singleUseObjects().putIfAbsent(marker, 2L * window)) {
            LoginFailures.fail(context, FailureReason.REPLAYED);
            return;
        }
        if (verdict.right()) {
            new DeviceCredentialProvider(context.getSession()).recordUse(context.getRealm(), context.getUser(), device);
        }
        // A signature only the device's key can make: possession of the registered device, proven.
        LoginFailures.conclude(context, verdict, DeviceCredentialModel.TYPE, AuthenticationLevel.PIN_ON_DEVICE);
    }

    private static Long millis(String value) {
        if (value == null || !value.strip().matches("[0-9]{1,15}")) {
            return null;
        }
        return Long.parseLong(value.strip());
    }
}
