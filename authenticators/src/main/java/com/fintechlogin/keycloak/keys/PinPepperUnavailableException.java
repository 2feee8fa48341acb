package com.fintechlogin.keycloak.keys;

/**
 * The realm's PIN pepper cannot be had, so no PIN can be checked or set: PIN operations fail closed rather than
 * fall back to an unkeyed hash. Callers map it to their "service unavailable" answer; the admin-facing cause is
 * already logged by {@link PinPepper}. Carries names only, never a secret.
 */
public final class PinPepperUnavailableException extends RuntimeException {

    /** Why the pepper is unusable. */
    public enum Problem {
        /** The vault has no entry under the key (or no vault is configured). */
        MISSING,
        /** The entry is shorter than {@link PinPepper#MIN_BYTES} bytes. */
        TOO_SHORT
    }

    private final String realmName;
    private final String vaultKey;
    private final Problem problem;

    public PinPepperUnavailableException(String realmName, String vaultKey, Problem problem) {
        super("PIN pepper '" + vaultKey + "' of realm '" + realmName + "' is unavailable: " + problem);
        this.realmName = realmName;
        this.vaultKey = vaultKey;
        this.problem = problem;
    }

    public String realmName() {
        return realmName;
    }

    public String vaultKey() {
        return vaultKey;
    }

    public Problem problem() {
        return problem;
    }
}
