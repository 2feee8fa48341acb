package com.fintechlogin.keycloak.device;

import java.util.Optional;

import org.keycloak.models.KeycloakSession;

/**
 * The registered device a login step matched, handed to the endpoint that answers within the same request (the
 * PIN/device login's answer reports its SIM binding), so that the endpoint need not read the vault and hash the device id a
 * second time. A request attribute, like the flow's inputs: nothing is stored or replicated.
 */
public final class MatchedDevice {

    private static final String ATTRIBUTE = "fintech.output.matched-device-sim-binding";

    private MatchedDevice() {
    }

    public static void remember(KeycloakSession session, DeviceCredentialModel device) {
        session.setAttribute(ATTRIBUTE, device.simBindingEnabled());
    }

    /** The SIM binding of the device this request's login matched, if a step matched one. */
    public static Optional<Boolean> simBinding(KeycloakSession session) {
        return session.getAttribute(ATTRIBUTE) instanceof Boolean binding ? Optional.of(binding) : Optional.empty();
    }
}
