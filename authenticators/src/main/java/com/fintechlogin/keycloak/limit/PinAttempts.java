package com.fintechlogin.keycloak.limit;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;

import org.jboss.logging.Logger;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * The PIN attempt policy of a realm, which PIN and device login share. It follows the realm's brute-force
 * settings ({@link RealmAttemptPolicy}), or {@value #DEFAULT_MAX_ATTEMPTS} attempts and a
 * {@value #DEFAULT_LOCK_SECONDS}-second lock when the realm detects no brute force (a 4-digit PIN must never be
 * unlimited). Its locks always escalate: after the realm's maximum temporary lockouts (when set), else
 * {@value #DEFAULT_TEMPORARY_LOCKS}, consecutive temporary locks, the next one lasts until an admin unlocks or the
 * user resets the PIN — without that, waiting out each lock leaves hundreds of guesses a day. A PIN step's config may
 * override the limit ({@value #MAX_ATTEMPTS}), the lock ({@value #LOCK_SECONDS}, 0: until an admin unlocks) and the
 * temporary locks ({@value #MAX_TEMPORARY_LOCKOUTS}). The counter belongs to the user's PIN, not to a flow, so
 * when several PIN steps of the realm set overrides, the strictest of each applies everywhere — the API, the
 * token endpoint, the browser, the PIN change and the admin view all see one limit.
 *
 * <p>PIN locks do not lengthen as the password's do ({@link LockGrowth}): every one lasts the realm's first wait (or
 * the step's lock seconds), and the escalation bounds the guesses instead — with the defaults, 5 wrong PINs for each
 * of 4 locks, 20 in all, before an admin or a PIN reset must come. Device login keeps the same flat lock without the
 * escalation ({@link #devicePolicy}).
 */
public final class PinAttempts {

    public static final String MAX_ATTEMPTS = "maxAttempts";
    public static final String LOCK_SECONDS = "lockSeconds";
    public static final String MAX_TEMPORARY_LOCKOUTS = "maxTemporaryLockouts";
    static final int DEFAULT_MAX_ATTEMPTS = 5;
    static final int DEFAULT_LOCK_SECONDS = 900;
    static final int DEFAULT_TEMPORARY_LOCKS = 3;
    static final AttemptPolicy DEFAULT = AttemptPolicy.of(DEFAULT_MAX_ATTEMPTS, Duration.ofSeconds(DEFAULT_LOCK_SECONDS));

    /**
     * The PIN API step's provider id. Its factory takes it from here: the policy reads the PIN steps' config, and the
     * limiter must not import the PIN package, which imports the limiter.
     */
    public static final String PIN_STEP = "fintech-pin";
    /** The PIN page's provider id, likewise. */
    public static final String PIN_FORM = "fintech-pin-form";

    /** The steps whose config may carry PIN overrides. */
    static final Set<String> PIN_STEPS = Set.of(PIN_STEP, PIN_FORM);

    /** The override settings, as every PIN step shows them in the admin console. */
    public static final List<ProviderConfigProperty> CONFIG_PROPERTIES = ProviderConfigurationBuilder.create()
            .property()
            .name(MAX_ATTEMPTS)
            .label("Wrong PINs before the lock")
            .helpText("Consecutive wrong PINs (or device proofs) allowed before PIN and device login lock. Empty: the "
                    + "realm's brute-force failure factor. If several PIN steps set it, the lowest applies everywhere.")
            .type(ProviderConfigProperty.INTEGER_TYPE)
            .add()
            .property()
            .name(LOCK_SECONDS)
            .label("PIN lock seconds")
            .helpText("How long the PIN lock lasts; 0 locks until an admin unlocks. Empty: the realm's brute-force "
                    + "wait (or until an admin unlocks when the realm's lockout is permanent). If several PIN steps "
                    + "set it, the strictest applies everywhere.")
            .type(ProviderConfigProperty.INTEGER_TYPE)
            .add()
            .property()
            .name(MAX_TEMPORARY_LOCKOUTS)
            .label("Temporary PIN locks before a lasting one")
            .helpText("Consecutive PIN locks (of PIN or device login) that end by themselves; the next one lasts until "
                    + "an admin unlocks or the user resets the PIN. A right PIN starts the count again. Empty: the "
                    + "realm's brute-force maximum temporary lockouts when set, else " + DEFAULT_TEMPORARY_LOCKS
                    + ". If several PIN steps set it, the lowest applies everywhere.")
            .type(ProviderConfigProperty.INTEGER_TYPE)
            .add()
            .build();

    private static final Logger LOG = Logger.getLogger(PinAttempts.class);

    private PinAttempts() {
    }

    /**
     * The policy of device proofs and unknown device ids: the PIN's limit and lock, without its escalation. A lasting
     * lock there would be a denial of service anyone who knows an account number could cause with unknown ids, and
     * it protects little: new device ids are long and varied, a device proof alone records the lowest level, and a
     * device with a key cannot be guessed at all. For the same reasons its lock does not lengthen either: the limit's
     * guesses after every flat lock (7,200 a day with a 60-second wait) are nothing against 16 varied characters.
     */
    public static AttemptPolicy devicePolicy(RealmModel realm) {
        return policy(realm).neverEscalating();
    }

    public static AttemptPolicy policy(RealmModel realm) {
        List<Map<String, String>> overrides = realm.getAuthenticationFlowsStream()
                .flatMap(flow -> realm.getAuthenticationExecutionsStream(flow.getId()))
                .filter(execution -> execution.getAuthenticator() != null && PIN_STEPS.contains(execution.getAuthenticator()))
                .map(AuthenticationExecutionModel::getAuthenticatorConfig)
                .filter(Objects::nonNull)
                .map(realm::getAuthenticatorConfigById)
                .filter(Objects::nonNull)
                .map(AuthenticatorConfigModel::getConfig)
                .filter(Objects::nonNull)
                .toList();
        return policy(realm.getName(), RealmAttemptPolicy.of(realm).orElse(DEFAULT), realm.getMaxTemporaryLockouts(), overrides);
    }

    /**
     * The base policy with the strictest override of each setting applied, escalating after the realm's maximum
     * temporary lockouts ({@code realmTemporaryLockouts}, when above 0) or {@value #DEFAULT_TEMPORARY_LOCKS}.
     */
    static AttemptPolicy policy(String realmName, AttemptPolicy base, int realmTemporaryLockouts,
            List<Map<String, String>> overrides) {
        int limit = base.limit();
        long lockMillis = base.lockMillis();
        int temporaryLocks = realmTemporaryLockouts > 0 ? realmTemporaryLockouts : DEFAULT_TEMPORARY_LOCKS;
        boolean lockOverridden = false;
        boolean temporaryLocksOverridden = false;
        for (Map<String, String> config : overrides) {
            OptionalInt maxAttempts = setting(realmName, config, MAX_ATTEMPTS, 1);
            if (maxAttempts.isPresent()) {
                limit = Math.min(limit, maxAttempts.getAsInt());
            }
            OptionalInt lockSeconds = setting(realmName, config, LOCK_SECONDS, 0);
            if (lockSeconds.isPresent()) {
                long millis = lockSeconds.getAsInt() * 1000L;
                lockMillis = !lockOverridden ? millis : stricterLock(lockMillis, millis);
                lockOverridden = true;
            }
            OptionalInt temporaryLockouts = setting(realmName, config, MAX_TEMPORARY_LOCKOUTS, 0);
            if (temporaryLockouts.isPresent()) {
                // Set, it replaces the default, more or fewer; several steps' settings: the fewest.
                temporaryLocks = !temporaryLocksOverridden ? temporaryLockouts.getAsInt()
                        : Math.min(temporaryLocks, temporaryLockouts.getAsInt());
                temporaryLocksOverridden = true;
            }
        }
        // Flat on purpose: the escalation, not a growing lock, bounds PIN guessing (see the class comment).
        return new AttemptPolicy(limit, lockMillis, temporaryLocks, LockGrowth.FLAT);
    }

    /** A lock until admin unlock (0) is the strictest; otherwise the longer one. */
    private static long stricterLock(long a, long b) {
        if (a == AttemptPolicy.PERMANENT_LOCK || b == AttemptPolicy.PERMANENT_LOCK) {
            return AttemptPolicy.PERMANENT_LOCK;
        }
        return Math.max(a, b);
    }

    private static OptionalInt setting(String realmName, Map<String, String> config, String key, int minimum) {
        String value = config.get(key);
        if (value == null || value.isBlank()) {
            return OptionalInt.empty();
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed >= minimum) {
                return OptionalInt.of(parsed);
            }
        } catch (NumberFormatException notANumber) {
            // reported below, like a number out of range
        }
        LOG.warnf("Realm '%s': PIN step setting %s must be a whole number of at least %d; ignoring '%s'",
                realmName, key, minimum, value);
        return OptionalInt.empty();
    }
}
