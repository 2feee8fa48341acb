package com.fintechlogin.keycloak.pin;

import java.util.Locale;

import org.keycloak.models.RealmModel;

import org.jboss.logging.Logger;

/**
 * The realm's rules for a PIN a user chooses, read from realm attributes — the one place they are read.
 * The PIN-setting endpoints apply {@link #check(String)}; storing a PIN ({@link PinCredentialProvider}) only
 * insists on {@link #isStorable(String)}, so that an admin can still seed or reset any well-formed PIN.
 *
 * @param length      how many digits a PIN has ({@value #LENGTH_ATTRIBUTE}, default {@value #DEFAULT_LENGTH},
 *                    {@value #MIN_LENGTH}..{@value #MAX_LENGTH})
 * @param weakAllowed whether repeated digits and straight runs are accepted ({@value #WEAK_ALLOWED_ATTRIBUTE},
 *                    default false)
 */
public record PinSettings(int length, boolean weakAllowed) {

    public static final String LENGTH_ATTRIBUTE = "fintech.pin.length";
    public static final String WEAK_ALLOWED_ATTRIBUTE = "fintech.pin.weak-allowed";
    public static final int DEFAULT_LENGTH = 4;
    public static final int MIN_LENGTH = 4;
    public static final int MAX_LENGTH = 12;
    public static final PinSettings DEFAULT = new PinSettings(DEFAULT_LENGTH, false);

    private static final Logger LOG = Logger.getLogger(PinSettings.class);

    public PinSettings {
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            throw new IllegalArgumentException("A PIN length must be " + MIN_LENGTH + ".." + MAX_LENGTH);
        }
    }

    /** The realm's settings; a value that does not parse falls back to its default with a WARN naming the attribute. */
    public static PinSettings of(RealmModel realm) {
        return parse(realm.getName(), realm.getAttribute(LENGTH_ATTRIBUTE), realm.getAttribute(WEAK_ALLOWED_ATTRIBUTE));
    }

    static PinSettings parse(String realmName, String length, String weakAllowed) {
        return new PinSettings(parseLength(realmName, length), parseWeakAllowed(realmName, weakAllowed));
    }

    /** Whether the PIN has exactly this realm's number of characters. */
    public boolean lengthMatches(String pin) {
        return pin != null && pin.length() == length;
    }

    /** Whether a PIN the user chose may be set in this realm. */
    public PinCheck check(String pin) {
        if (!isDigitsOnly(pin)) {
            return PinCheck.NOT_DIGITS;
        }
        if (!lengthMatches(pin)) {
            return PinCheck.WRONG_LENGTH;
        }
        if (!weakAllowed && isWeak(pin)) {
            return PinCheck.WEAK;
        }
        return PinCheck.OK;
    }

    /** Non-empty and only the ASCII digits 0–9 (no other scripts' digits, no signs, no spaces). */
    public static boolean isDigitsOnly(String pin) {
        if (pin == null || pin.isEmpty()) {
            return false;
        }
        for (int i = 0; i < pin.length(); i++) {
            char c = pin.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * The shape every stored PIN has whatever the realm's settings: digits only, at most {@value #MAX_LENGTH}.
     * Holds for admin seeds and resets too, which skip {@link #check(String)}.
     */
    public static boolean isStorable(String pin) {
        return isDigitsOnly(pin) && pin.length() <= MAX_LENGTH;
    }

    /**
     * Whether a digit string is the first thing anyone tries: one digit repeated (1111) or a straight run up or
     * down (0123, 1234, 4321, 9876). Runs do not wrap around: 7890 and 8901 are not runs. Not digits: false.
     */
    public static boolean isWeak(String pin) {
        if (!isDigitsOnly(pin)) {
            return false;
        }
        return hasConstantStep(pin, 0) || hasConstantStep(pin, 1) || hasConstantStep(pin, -1);
    }

    private static boolean hasConstantStep(String digits, int step) {
        for (int i = 1; i < digits.length(); i++) {
            if (digits.charAt(i) - digits.charAt(i - 1) != step) {
                return false;
            }
        }
        return true;
    }

    private static int parseLength(String realmName, String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_LENGTH;
        }
        try {
            int length = Integer.parseInt(value.strip());
            if (length >= MIN_LENGTH && length <= MAX_LENGTH) {
                return length;
            }
        } catch (NumberFormatException notANumber) {
            // reported below, like an out-of-range number
        }
        LOG.warnf("Realm '%s': attribute %s must be a number from %d to %d; using %d", realmName, LENGTH_ATTRIBUTE,
                MIN_LENGTH, MAX_LENGTH, DEFAULT_LENGTH);
        return DEFAULT_LENGTH;
    }

    private static boolean parseWeakAllowed(String realmName, String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> {
                // A typo must not open the door to 1234: fall back to refusing weak PINs.
                LOG.warnf("Realm '%s': attribute %s must be true or false; using false", realmName, WEAK_ALLOWED_ATTRIBUTE);
                yield false;
            }
        };
    }
}
