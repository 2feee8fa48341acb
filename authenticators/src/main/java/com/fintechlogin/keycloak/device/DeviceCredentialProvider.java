package com.fintechlogin.keycloak.device;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import com.fintechlogin.keycloak.keys.PinPepper;
import com.fintechlogin.keycloak.keys.PinPepperUnavailableException;

import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.HttpMethod;

import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.credential.CredentialMetadata;
import org.keycloak.credential.CredentialModel;
import org.keycloak.credential.CredentialProvider;
import org.keycloak.credential.CredentialTypeMetadata;
import org.keycloak.credential.CredentialTypeMetadataContext;
import org.keycloak.http.HttpRequest;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Keeps the registered devices of users: one credential per device, several per user, each known by the keyed hash
 * of its id ({@link DeviceIds}). Every lookup hashes the id it is given once and compares hashes in constant time.
 */
public final class DeviceCredentialProvider implements CredentialProvider<DeviceCredentialModel> {

    /** Far above any real device id (the documented sample has 54 characters). */
    public static final int MAX_DEVICE_ID_LENGTH = 255;

    /** Account console message keys. */
    static final String DISPLAY_NAME_KEY = "device-display-name";
    static final String HELP_TEXT_KEY = "device-help-text";
    static final String LAST_USED_KEY = "fintech-device-last-used";
    static final String NEVER_USED_KEY = "fintech-device-never-used";

    private static final Logger LOG = Logger.getLogger(DeviceCredentialProvider.class);

    private final KeycloakSession session;

    public DeviceCredentialProvider(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public String getType() {
        return DeviceCredentialModel.TYPE;
    }

    /**
     * Stores a device. One that arrives through a realm import or an admin user representation in the seed form
     * {@code {"deviceId": "…", "simBindingEnabled": …}} is hashed first, so that no id is kept in clear.
     *
     * @throws PinPepperUnavailableException when a seed must be hashed and the realm has no
     *         usable pepper
     */
    @Override
    public CredentialModel createCredential(RealmModel realm, UserModel user, DeviceCredentialModel device) {
        DeviceCredentialModel toStore = device;
        if (device.idHash() == null && device.legacyDeviceId() != null) {
            toStore = DeviceCredentialModel.create(DeviceIds.hash(session, realm, device.legacyDeviceId()),
                    device.simBindingEnabled(), device.publicKey());
            toStore.setId(device.getId());
            if (device.getCreatedDate() != null) {
                toStore.setCreatedDate(device.getCreatedDate());
            }
        }
        return user.credentialManager().createStoredCredential(toStore);
    }

    @Override
    public boolean deleteCredential(RealmModel realm, UserModel user, String credentialId) {
        return user.credentialManager().removeStoredCredentialById(credentialId);
    }

    @Override
    public DeviceCredentialModel getCredentialFromModel(CredentialModel model) {
        return DeviceCredentialModel.from(model);
    }

    /**
     * The user's registered device with this id.
     *
     * @throws PinPepperUnavailableException when the realm has no usable pepper
     */
    public Optional<DeviceCredentialModel> find(RealmModel realm, UserModel user, String deviceId) {
        return findAll(realm, user, deviceId).stream().findFirst().map(device -> hashedInPlace(realm, user, device));
    }

    /**
     * A device stored before ids were hashed, rewritten under the keyed hash once it is used (same credential id,
     * flag and date): the database then no longer holds its id in clear, nor consoles show it.
     */
    private DeviceCredentialModel hashedInPlace(RealmModel realm, UserModel user, DeviceCredentialModel device) {
        if (device.idHash() != null) {
            return device;
        }
        DeviceCredentialModel hashed = DeviceCredentialModel.create(DeviceIds.hash(session, realm, device.legacyDeviceId()),
                device.simBindingEnabled(), device.publicKey());
        hashed.setId(device.getId());
        hashed.setCreatedDate(device.getCreatedDate());
        keepOnItsOwn(realm, user, hashed);
        return hashed;
    }

    /**
     * Writes what a login learns about a device (its hashed form, its day of last use) in a transaction of its own.
     * Keycloak versions credential rows: two logins of one device writing it in their own transactions would see the
     * second fail at its commit, after its answer was decided, as an HTTP 500. Here the second write fails alone and
     * the login goes on; the first wrote the same thing. It costs a second connection once per device and day.
     */
    private void keepOnItsOwn(RealmModel realm, UserModel user, CredentialModel updated) {
        try {
            KeycloakModelUtils.runJobInTransaction(session.getKeycloakSessionFactory(), own -> {
                RealmModel ownRealm = own.realms().getRealm(realm.getId());
                own.getContext().setRealm(ownRealm);
                UserModel ownUser = own.users().getUserById(ownRealm, user.getId());
                if (ownUser != null) {
                    ownUser.credentialManager().updateStoredCredential(updated);
                }
            });
        } catch (ModelException | PersistenceException writtenMeanwhile) {
            LOG.debugf("A device credential was written by another login at the same time (%s); keeping that write",
                    writtenMeanwhile.getClass().getSimpleName());
        }
    }

    /** Every credential of the user's with this device id (more than one only when registrations raced). */
    public List<DeviceCredentialModel> findAll(RealmModel realm, UserModel user, String deviceId) {
        byte[] pepper = PinPepper.current(session, realm);
        try {
            byte[] hash = DeviceIds.hash(pepper, deviceId);
            return devices(user).filter(device -> DeviceIds.same(device.idHash() != null ? device.idHash()
                    : DeviceIds.hash(pepper, device.legacyDeviceId()), hash)).toList();
        } finally {
            Arrays.fill(pepper, (byte) 0);
        }
    }

    /** How many devices the user has registered. */
    public long count(UserModel user) {
        return user.credentialManager().getStoredCredentialsByTypeStream(DeviceCredentialModel.TYPE).count();
    }

    /** Registers a new device under the keyed hash of its id; {@code publicKey} (base64 SPKI) may be null. */
    public DeviceCredentialModel register(RealmModel realm, UserModel user, String deviceId, boolean simBindingEnabled,
                                          String publicKey) {
        DeviceCredentialModel device = DeviceCredentialModel.create(DeviceIds.hash(session, realm, deviceId), simBindingEnabled, publicKey);
        return DeviceCredentialModel.from(user.credentialManager().createStoredCredential(device));
    }

    /** The device with its SIM binding set as an administrator or a SIM-binding service says; same credential id. */
    public DeviceCredentialModel setSimBinding(UserModel user, DeviceCredentialModel device, boolean simBindingEnabled) {
        DeviceCredentialModel updated = device.withSimBinding(simBindingEnabled);
        user.credentialManager().updateStoredCredential(updated);
        return updated;
    }

    /** What consoles and admins see of a device: the fingerprint, computed for a credential stored before hashing. */
    public String fingerprintOf(RealmModel realm, DeviceCredentialModel device) {
        return device.fingerprint() != null ? device.fingerprint()
                : DeviceIds.fingerprint(DeviceIds.hash(session, realm, device.legacyDeviceId()));
    }

    private Stream<DeviceCredentialModel> devices(UserModel user) {
        return user.credentialManager().getStoredCredentialsByTypeStream(DeviceCredentialModel.TYPE).map(DeviceCredentialModel::from);
    }

    /**
     * Records that {@code device} just signed in, at most once per UTC day: a device that signs in all day writes
     * its credential on the first login of the day only (no database write per right credential: performance
     * issue 19), which is as precise as the account console's "last used" needs to be.
     */
    public void recordUse(RealmModel realm, UserModel user, DeviceCredentialModel device) {
        long now = Time.currentTimeMillis();
        if (!device.usedOn(now)) {
            keepOnItsOwn(realm, user, device.usedAt(now));
        }
    }

    /**
     * Removable in the account console (Keycloak's {@code delete_credential} action): removing a device grants
     * nothing, it takes a way to sign in away, which is what a user who lost a phone needs. That action runs in a
     * browser session that signed in through the realm's browser flow at most its maximum age ago (300 s by
     * default). Not through Keycloak's deprecated account REST removal ({@code DELETE .../account/credentials/{id}}),
     * which takes any token of the user with {@code manage-account} — a mobile sign-in's, an app's of any level or
     * age — and would skip the rules of who may change credentials; the extension's own endpoint keeps them. No
     * create or update action: devices are registered by the app, which holds the device id. The names are account
     * console message keys ({@code theme-resources/messages}).
     */
    @Override
    public CredentialTypeMetadata getCredentialTypeMetadata(CredentialTypeMetadataContext metadataContext) {
        return CredentialTypeMetadata.builder()
                .type(getType())
                .category(CredentialTypeMetadata.Category.TWO_FACTOR)
                .displayName(DISPLAY_NAME_KEY)
                .helpText(HELP_TEXT_KEY)
                .iconCssClass("kcAuthenticatorDefaultClass")
                .removeable(!isAccountRestRemoval())
                .build(session);
    }

    /**
     * Whether this request is Keycloak's account REST removal: the only removal that asks this metadata over an HTTP
     * {@code DELETE} (the console's action is a form POST of the login pages, the listing a GET, and admin removals
     * do not ask).
     */
    private boolean isAccountRestRemoval() {
        HttpRequest request = session.getContext().getHttpRequest();
        return request != null && HttpMethod.DELETE.equals(request.getHttpMethod());
    }

    /**
     * What the account console shows of a device: its fingerprint as the label, never the stored label (a device
     * seeded by an import may carry its whole id there), when it was registered (the console shows the credential's
     * date) and when it last signed in.
     */
    @Override
    public CredentialMetadata getCredentialMetadata(DeviceCredentialModel device, CredentialTypeMetadata metadata) {
        String fingerprint;
        try {
            fingerprint = fingerprintOf(session.getContext().getRealm(), device);
        } catch (PinPepperUnavailableException noPepper) {
            // Logged where found; a legacy device's fingerprint cannot be computed, and its label may be its id.
            fingerprint = "-";
        }
        device.setUserLabel(DeviceCredentialModel.label(fingerprint));
        CredentialMetadata shown = new CredentialMetadata();
        shown.setCredentialModel(device);
        if (device.lastUsed() == null) {
            shown.setInfoMessage(NEVER_USED_KEY);
        } else {
            // A date without a time: "last used" is kept to the UTC day. ISO, read the same in every language.
            shown.setInfoProperties(List.of(new CredentialMetadata.LocalizedMessage(LAST_USED_KEY,
                    new Object[] {LocalDate.ofInstant(Instant.ofEpochMilli(device.lastUsed()), ZoneOffset.UTC).toString()})));
        }
        return shown;
    }
}
