package com.fintechlogin.keycloak.pin;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import com.fintechlogin.keycloak.keys.PinPepper;
import com.fintechlogin.keycloak.keys.PinPepperUnavailableException;
import com.fintechlogin.keycloak.pin.dto.PinCredentialData;
import com.fintechlogin.keycloak.pin.dto.PinSecretData;

import org.keycloak.credential.CredentialInput;
import org.keycloak.credential.CredentialInputUpdater;
import org.keycloak.credential.CredentialInputValidator;
import org.keycloak.credential.CredentialModel;
import org.keycloak.credential.CredentialProvider;
import org.keycloak.credential.CredentialTypeMetadata;
import org.keycloak.credential.CredentialTypeMetadataContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import org.jboss.logging.Logger;

/**
 * The {@code pin} credential: checks, sets, seeds and removes a user's PIN, which is stored only as a salted
 * HMAC under the realm's vault pepper ({@link PinHasher}, {@link PinPepper}). A user has at most one PIN;
 * setting one replaces it. Storing insists only on {@link PinSettings#isStorable digits}, never on the realm's
 * length and weakness rules: those are for PINs users choose ({@link PinSettings#check}), and an admin must stay
 * able to seed or reset any PIN. Other code goes through {@link PinCredentials}.
 */
public final class PinCredentialProvider
        implements CredentialProvider<PinCredentialModel>, CredentialInputValidator, CredentialInputUpdater {

    private static final Logger LOG = Logger.getLogger(PinCredentialProvider.class);
    private static final int HASH_BYTES = 32;

    /** Account console message keys ({@code <type>-display-name} is also the key the console's "Set up" link reads). */
    static final String DISPLAY_NAME_KEY = "pin-display-name";
    static final String HELP_TEXT_KEY = "pin-help-text";

    private final KeycloakSession session;

    PinCredentialProvider(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public String getType() {
        return PinCredentialModel.TYPE;
    }

    @Override
    public boolean supportsCredentialType(String credentialType) {
        return PinCredentialModel.TYPE.equals(credentialType);
    }

    /**
     * Stores a PIN that arrives through a realm import or an admin user representation, replacing any PIN the user
     * has. A seed ({@code secretData} {@code {"value": "1111"}}) is hashed with the realm's pepper; an exported
     * credential (salt and hash) is checked and stored as it is, keyed with the pepper it names.
     *
     * @throws ModelException               when the credential is neither a storable seed nor a sound export
     * @throws PinPepperUnavailableException when a seed must be hashed and the realm has no usable pepper
     */
    @Override
    public CredentialModel createCredential(RealmModel realm, UserModel user, PinCredentialModel credential) {
        PinCredentialModel toStore;
        if (credential.isHashed()) {
            String problem = problemWith(credential);
            if (problem != null) {
                throw new ModelException("Cannot import the pin credential of user " + user.getUsername() + ": " + problem);
            }
            // Re-written from the parsed parts, so that nothing but salt and hash reaches the secret data.
            toStore = PinCredentialModel.create(credential.getPinCredentialData(), credential.getPinSecretData());
        } else {
            String pin = credential.seededPin().orElse(null);
            if (!PinSettings.isStorable(pin)) {
                throw new ModelException("Cannot import the pin credential of user " + user.getUsername()
                        + ": its secret data needs a \"value\" of 1 to " + PinSettings.MAX_LENGTH + " digits, or a salt and a hash");
            }
            toStore = hashWithRealmPepper(realm, pin);
        }
        toStore.setId(credential.getId());
        toStore.setUserLabel(credential.getUserLabel());
        if (credential.getCreatedDate() != null) {
            toStore.setCreatedDate(credential.getCreatedDate());
        }
        storedPins(user).forEach(old -> user.credentialManager().removeStoredCredentialById(old.getId()));
        return user.credentialManager().createStoredCredential(toStore);
    }

    /**
     * Sets the user's PIN to {@code input}'s challenge response: hashed with the realm's current pepper, updating
     * the user's PIN credential in place (same id and label) or creating it. Not storable (not digits): false.
     *
     * @throws PinPepperUnavailableException when the realm has no usable pepper
     */
    @Override
    public boolean updateCredential(RealmModel realm, UserModel user, CredentialInput input) {
        if (input == null || !supportsCredentialType(input.getType()) || !PinSettings.isStorable(input.getChallengeResponse())) {
            return false;
        }
        PinCredentialModel fresh = hashWithRealmPepper(realm, input.getChallengeResponse());
        List<CredentialModel> existing = storedPins(user);
        if (existing.isEmpty()) {
            user.credentialManager().createStoredCredential(fresh);
            return true;
        }
        CredentialModel kept = existing.get(0);
        fresh.setId(kept.getId());
        fresh.setUserLabel(kept.getUserLabel());
        user.credentialManager().updateStoredCredential(fresh);
        // Two first PINs set at the same moment can leave two rows; the next change restores "at most one".
        existing.stream().skip(1).forEach(extra -> user.credentialManager().removeStoredCredentialById(extra.getId()));
        return true;
    }

    /**
     * Whether {@code input}'s challenge response is the user's PIN (or, when the input names a credential id, the
     * PIN of that credential of the user). No attempt limit here: callers put their limiter in front.
     *
     * @throws PinPepperUnavailableException when the realm has no usable pepper
     */
    @Override
    public boolean isValid(RealmModel realm, UserModel user, CredentialInput input) {
        if (input == null || !supportsCredentialType(input.getType()) || !PinSettings.isStorable(input.getChallengeResponse())) {
            return false;
        }
        CredentialModel stored = storedPin(user, input.getCredentialId());
        if (stored == null) {
            return false;
        }
        PinCredentialModel credential = getCredentialFromModel(stored);
        String problem = problemWith(credential);
        if (problem != null) {
            LOG.warnf("The pin credential %s of user %s in realm '%s' cannot be verified (%s); reset the PIN",
                    stored.getId(), user.getId(), realm.getName(), problem);
            return false;
        }
        byte[] pepper = PinPepper.read(session, realm, credential.getPinCredentialData().pepperVaultKey());
        try {
            return verifies(pepper, credential, input.getChallengeResponse());
        } finally {
            Arrays.fill(pepper, (byte) 0);
        }
    }

    @Override
    public boolean isConfiguredFor(RealmModel realm, UserModel user, String credentialType) {
        return supportsCredentialType(credentialType) && !storedPins(user).isEmpty();
    }

    @Override
    public boolean deleteCredential(RealmModel realm, UserModel user, String credentialId) {
        CredentialModel stored = user.credentialManager().getStoredCredentialById(credentialId);
        return stored != null && supportsCredentialType(stored.getType())
                && user.credentialManager().removeStoredCredentialById(credentialId);
    }

    /** Removes the user's PIN: what the admin console's "disable credential type" does. */
    @Override
    public void disableCredentialType(RealmModel realm, UserModel user, String credentialType) {
        if (supportsCredentialType(credentialType)) {
            storedPins(user).forEach(pin -> user.credentialManager().removeStoredCredentialById(pin.getId()));
        }
    }

    @Override
    public Stream<String> getDisableableCredentialTypesStream(RealmModel realm, UserModel user) {
        return storedPins(user).isEmpty() ? Stream.empty() : Stream.of(PinCredentialModel.TYPE);
    }

    @Override
    public PinCredentialModel getCredentialFromModel(CredentialModel model) {
        return PinCredentialModel.createFromCredentialModel(model);
    }

    /**
     * Basic authentication, not two-factor: the PIN is the knowledge factor of the app's PIN login, in the place
     * a password holds elsewhere; the bound device is the other factor. The names are message keys of the account
     * console ({@code theme-resources/messages}), so the console shows them in the user's language.
     *
     * <p>Set and changed through the {@value SetPinAction#PROVIDER_ID} required action, which the account console
     * starts as an application-initiated action: "Set up" for a user without a PIN (a user has at most one, so no
     * second one is offered), "Update" beside the PIN. That action asks for the current PIN behind its exact limit.
     *
     * <p>Not removable by the user. Keycloak's removal (the console's {@code delete_credential} action, and its
     * deprecated account API {@code DELETE}) asks for nothing but a session of the account that is at most five
     * minutes old (and a level of authentication only when the realm's browser flow maps one to the PIN) — not the
     * PIN. After it, the user has no PIN, and setting one asks for no current PIN: removal would be a PIN change
     * without the current PIN, the takeover the Set PIN page and the PIN endpoint refuse. A forgotten PIN is reset
     * after a password login through the PIN endpoint's recovery, or by an admin.
     */
    @Override
    public CredentialTypeMetadata getCredentialTypeMetadata(CredentialTypeMetadataContext metadataContext) {
        UserModel user = metadataContext.getUser();
        boolean hasPin = user != null && !storedPins(user).isEmpty();
        return CredentialTypeMetadata.builder()
                .type(getType())
                .category(CredentialTypeMetadata.Category.BASIC_AUTHENTICATION)
                .displayName(DISPLAY_NAME_KEY)
                .helpText(HELP_TEXT_KEY)
                .iconCssClass("kcAuthenticatorDefaultClass")
                .createAction(hasPin ? null : SetPinAction.PROVIDER_ID)
                .updateAction(SetPinAction.PROVIDER_ID)
                .removeable(false)
                .build(session);
    }

    /** A credential for {@code pin} under {@code pepper}, recorded as made with the pepper at {@code pepperVaultKey}. */
    static PinCredentialModel newCredential(byte[] pepper, String pepperVaultKey, String pin) {
        byte[] salt = PinHasher.newSalt();
        byte[] hash = PinHasher.hash(pepper, salt, pin);
        Base64.Encoder base64 = Base64.getEncoder();
        return PinCredentialModel.create(
                new PinCredentialData(PinHasher.ALGORITHM, pin.length(), pepperVaultKey),
                new PinSecretData(base64.encodeToString(salt), base64.encodeToString(hash)));
    }

    /** Whether {@code pin} is the PIN of a sound ({@link #problemWith} null) credential made under {@code pepper}. */
    static boolean verifies(byte[] pepper, PinCredentialModel credential, String pin) {
        return PinHasher.matches(pepper, credential.decodedSalt(), pin, credential.decodedHash());
    }

    /** What makes a stored or imported hashed credential unusable, or null when it is sound. */
    static String problemWith(PinCredentialModel credential) {
        if (!credential.isHashed()) {
            return "its secret data has no salt and hash";
        }
        PinCredentialData data = credential.getPinCredentialData();
        if (!PinHasher.ALGORITHM.equals(data.algorithm())) {
            return "its algorithm is not " + PinHasher.ALGORITHM;
        }
        if (!PinPepper.isPepperKey(data.pepperVaultKey())) {
            return "its pepperVaultKey is not '" + PinPepper.VAULT_KEY + "' or '" + PinPepper.VAULT_KEY + "-<suffix>'";
        }
        if (data.length() < 1 || data.length() > PinSettings.MAX_LENGTH) {
            return "its length is not 1 to " + PinSettings.MAX_LENGTH;
        }
        try {
            if (credential.decodedSalt().length != PinHasher.SALT_BYTES || credential.decodedHash().length != HASH_BYTES) {
                return "its salt or hash has the wrong size";
            }
        } catch (IllegalArgumentException notBase64) {
            return "its salt or hash is not base64";
        }
        return null;
    }

    private PinCredentialModel hashWithRealmPepper(RealmModel realm, String pin) {
        byte[] pepper = PinPepper.read(session, realm, PinPepper.VAULT_KEY);
        try {
            return newCredential(pepper, PinPepper.VAULT_KEY, pin);
        } finally {
            Arrays.fill(pepper, (byte) 0);
        }
    }

    private static CredentialModel storedPin(UserModel user, String credentialId) {
        if (credentialId == null || credentialId.isBlank()) {
            return user.credentialManager().getStoredCredentialsByTypeStream(PinCredentialModel.TYPE).findFirst().orElse(null);
        }
        CredentialModel stored = user.credentialManager().getStoredCredentialById(credentialId);
        return stored != null && PinCredentialModel.TYPE.equals(stored.getType()) ? stored : null;
    }

    private static List<CredentialModel> storedPins(UserModel user) {
        return user.credentialManager().getStoredCredentialsByTypeStream(PinCredentialModel.TYPE).toList();
    }
}
