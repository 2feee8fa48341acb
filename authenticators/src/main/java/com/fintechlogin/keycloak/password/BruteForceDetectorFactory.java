package com.fintechlogin.keycloak.password;

import com.fintechlogin.keycloak.login.KeycloakBruteForce;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.managers.BruteForceProtector;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.services.managers.BruteForceProtectorFactory;

import org.jboss.logging.Logger;

/**
 * Makes {@link BruteForceDetector} the server's brute-force detector: Keycloak takes the factory of the highest
 * {@link #order()} above 0 as the default of an SPI unless the server's configuration names one
 * ({@code --spi-brute-force-protector-provider}), and its own has none. Each one delegates to Keycloak's default
 * detector, which keeps its single instance and its configuration ({@code allowConcurrentRequests}).
 */
public final class BruteForceDetectorFactory implements BruteForceProtectorFactory {

    private static final Logger LOG = Logger.getLogger(BruteForceDetectorFactory.class);

    public static final String PROVIDER_ID = "fintech-brute-force-detector";
    /** Keycloak's own detector, which every other case goes to. */
    static final String KEYCLOAKS = KeycloakBruteForce.KEYCLOAKS_DETECTOR;

    @Override
    public BruteForceProtector create(KeycloakSession session) {
        return new BruteForceDetector(session, session.getProvider(BruteForceProtector.class, KEYCLOAKS));
    }

    @Override
    public int order() {
        return 1;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public void init(Config.Scope config) {
        // No settings of its own.
    }

    /**
     * Checks at startup what the detector rests on. Keycloak's own detector must be there: every case this one does not
     * handle goes to it, and without it no login could be decided, so the server does not start. And this one must be
     * the server's choice: a configuration that names another ({@code --spi-brute-force-protector-provider}) leaves
     * Keycloak's password page and grant outside the password limit, which the server can run with, but an admin must
     * know.
     */
    @Override
    public void postInit(KeycloakSessionFactory factory) {
        if (factory.getProviderFactory(BruteForceProtector.class, KEYCLOAKS) == null) {
            throw new IllegalStateException("Keycloak's brute-force detector '" + KEYCLOAKS + "' is missing; the extension's "
                    + PROVIDER_ID + " hands every case it does not count to it");
        }
        ProviderFactory<BruteForceProtector> chosen = factory.getProviderFactory(BruteForceProtector.class);
        if (chosen != null && !PROVIDER_ID.equals(chosen.getId())) {
            LOG.warnf("The server's brute-force detector is '%s', not the extension's '%s': Keycloak's own password page "
                    + "and password grant count outside the extension's password limit, in a second budget of guesses, and "
                    + "Keycloak's permanent lockout can disable users on a mix of PIN and password failures",
                    chosen.getId(), PROVIDER_ID);
        }
    }

    @Override
    public void close() {
        // Holds nothing.
    }
}
