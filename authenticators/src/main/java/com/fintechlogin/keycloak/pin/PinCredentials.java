package com.fintechlogin.keycloak.pin;

import java.util.Optional;

import com.fintechlogin.keycloak.keys.PinPepperUnavailableException;
import com.fintechlogin.keycloak.limit.CredentialKinds;
import com.fintechlogin.keycloak.limit.LimitedCheck;
import com.fintechlogin.keycloak.limit.PinAttempts;
import com.fintechlogin.keycloak.limit.Verdict;

import org.keycloak.credential.CredentialProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserCredentialModel;
import org.keycloak.models.UserModel;

/**
 * What the rest of the project calls to work with PINs. Logins and PIN changes call
 * {@link #verifyWithinLimit}; {@link #verify} alone has no attempt limit.
 */
public final class PinCredentials {

    private PinCredentials() {
    }

    /** Whether the user has a PIN. Needs no pepper. */
    public static boolean hasPin(UserModel user) {
        return user.credentialManager().getStoredCredentialsByTypeStream(PinCredentialModel.TYPE).findAny().isPresent();
    }

    /**
     * Whether {@code pin} is the user's PIN; false when the user has none or it is not a digit string.
     *
     * @throws PinPepperUnavailableException when the realm has no usable pepper (answer "unavailable", not "wrong PIN")
     */
    public static boolean verify(KeycloakSession session, RealmModel realm, UserModel user, String pin) {
        return provider(session).isValid(realm, user, input(pin));
    }

    /**
     * The user's PIN checked behind the exact attempt limit ({@link PinAttempts#policy}): what every route that
     * checks a PIN calls.
     *
     * @throws PinPepperUnavailableException when the realm has no usable pepper; the attempt is counted as a failure
     * @throws org.keycloak.models.ModelException when the attempt counter cannot be reached; nothing was evaluated
     */
    public static Verdict verifyWithinLimit(KeycloakSession session, RealmModel realm, UserModel user, String pin) {
        return LimitedCheck.run(session, realm, user, CredentialKinds.PIN, Optional.of(PinAttempts.policy(realm)),
                () -> verify(session, realm, user, pin));
    }

    /** The realm's verdict on a PIN a user chose; endpoints call this before {@link #set}. */
    public static PinCheck check(RealmModel realm, String pin) {
        return PinSettings.of(realm).check(pin);
    }

    /**
     * Sets the user's PIN, replacing any other. Applies no length or weakness rule (see {@link #check}), so admin
     * resets pass.
     *
     * @throws IllegalArgumentException      when {@code pin} is not 1 to {@value PinSettings#MAX_LENGTH} ASCII digits
     * @throws PinPepperUnavailableException when the realm has no usable pepper
     */
    public static void set(KeycloakSession session, RealmModel realm, UserModel user, String pin) {
        if (!PinSettings.isStorable(pin)) {
            throw new IllegalArgumentException("A PIN must be 1 to " + PinSettings.MAX_LENGTH + " ASCII digits");
        }
        provider(session).updateCredential(realm, user, input(pin));
    }

    private static UserCredentialModel input(String pin) {
        return new UserCredentialModel(null, PinCredentialModel.TYPE, pin);
    }

    private static PinCredentialProvider provider(KeycloakSession session) {
        CredentialProvider<?> provider = session.getProvider(CredentialProvider.class, PinCredentialProviderFactory.PROVIDER_ID);
        if (provider instanceof PinCredentialProvider pins) {
            return pins;
        }
        throw new IllegalStateException("The pin credential provider is not deployed");
    }
}
