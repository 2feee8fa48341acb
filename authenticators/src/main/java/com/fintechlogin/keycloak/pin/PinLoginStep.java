package com.fintechlogin.keycloak.pin;

import java.util.Optional;

import com.fintechlogin.keycloak.device.DeviceCredentialModel;
import com.fintechlogin.keycloak.device.DeviceCredentialProvider;
import com.fintechlogin.keycloak.device.MatchedDevice;
import com.fintechlogin.keycloak.keys.PinPepperUnavailableException;
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
import org.keycloak.models.UserModel;

/**
 * Checks the user's PIN (the PIN/device login in PIN mode; any flow without a mode), on a device registered to the
 * user when the step's config asks for one. The attempt is reserved with the exact limiter before the PIN is
 * looked at, so parallel guesses cannot get past the limit. A user without a PIN is told so (the step counts
 * as configured for everyone), rather than skipped as an alternative Keycloak would pass over.
 */
public final class PinLoginStep extends DirectGrantStep {

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        // Asked by the step that found the user already, in the flows this project builds; here for flows that do not.
        if (CallerBudgetGate.refused(context)) {
            return;
        }
        // The device mode belongs to the device step; this step stands aside for it.
        if (SignInMode.of(context) == SignInMode.DEVICE) {
            context.attempted();
            return;
        }
        UserModel user = context.getUser();
        boolean onRegisteredDevice =
                PinLoginConfig.of(context.getRealm().getName(), context.getAuthenticatorConfig()).requireRegisteredDevice();
        DeviceCredentialModel usedDevice = null;
        if (onRegisteredDevice) {
            String deviceId = FlowInputs.deviceId(context);
            if (deviceId == null) {
                LoginFailures.fail(context, FailureReason.DEVICE_NOT_REGISTERED);
                return;
            }
            Optional<DeviceCredentialModel> device;
            try {
                device = new DeviceCredentialProvider(context.getSession()).find(context.getRealm(), user, deviceId);
            } catch (PinPepperUnavailableException noPepper) {
                LoginFailures.fail(context, FailureReason.NOT_CONFIGURED);
                return;
            }
            if (device.isEmpty()) {
                countUnknownDevice(context, user);
                return;
            }
            MatchedDevice.remember(context.getSession(), device.get());
            usedDevice = device.get();
        }
        FailureReason refused = PinLogin.refusalBeforeCheck(context, user, FlowInputs.pin(context));
        if (refused != null) {
            LoginFailures.fail(context, refused);
            return;
        }
        Verdict verdict;
        try {
            verdict = PinCredentials.verifyWithinLimit(context.getSession(), context.getRealm(), user, FlowInputs.pin(context));
        } catch (PinPepperUnavailableException noPepper) {
            // Logged for the admin where it was found; the caller only learns the service cannot check PINs.
            LoginFailures.fail(context, FailureReason.NOT_CONFIGURED);
            return;
        }
        if (usedDevice != null && verdict.right()) {
            new DeviceCredentialProvider(context.getSession()).recordUse(context.getRealm(), user, usedDevice);
        }
        // A PIN alone is something the user knows, like a password; on their registered device it is two factors.
        LoginFailures.conclude(context, verdict, PinCredentialModel.TYPE,
                onRegisteredDevice ? AuthenticationLevel.PIN_ON_DEVICE : AuthenticationLevel.PASSWORD);
    }

    /**
     * A device id not registered to the user, with whatever PIN: a guess at the device, counted against the device
     * limit (the PIN is not evaluated), so that ids cannot be tried for free. Locked: the lock's answer.
     */
    private static void countUnknownDevice(AuthenticationFlowContext context, UserModel user) {
        FailureReason blocked = AccountStatus.lockoutReason(context, user);
        if (blocked != null) {
            LoginFailures.fail(context, blocked);
            return;
        }
        Verdict verdict = LimitedCheck.run(context.getSession(), context.getRealm(), user, CredentialKinds.DEVICE,
                Optional.of(PinAttempts.devicePolicy(context.getRealm())), () -> false);
        if (verdict.outcome() == Verdict.Outcome.LOCKED) {
            LoginFailures.fail(context, FailureReason.CREDENTIAL_LOCKED);
        } else {
            LoginFailures.failUnknownDevice(context, verdict);
        }
    }

    @Override
    public boolean requiresUser() {
        return true;
    }
}
