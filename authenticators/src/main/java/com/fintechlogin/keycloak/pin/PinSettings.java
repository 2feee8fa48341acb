package com.fintechlogin.keycloak.pin;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fintechlogin.keycloak.login.RealmAttributes;

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
 * @param refused     PINs refused whatever their shape ({@value #REFUSED_ATTRIBUTE}, default {@link #COMMON_PINS})
 */
public record PinSettings(int length, boolean weakAllowed, Set<String> refused) {

    public static final String LENGTH_ATTRIBUTE = "fintech.pin.length";
    public static final String WEAK_ALLOWED_ATTRIBUTE = "fintech.pin.weak-allowed";
    public static final String REFUSED_ATTRIBUTE = "fintech.pin.refused";
    /** The value of {@value #REFUSED_ATTRIBUTE} that refuses no PIN by value (an empty one means the default). */
    public static final String REFUSED_NONE = "none";
    public static final int DEFAULT_LENGTH = 4;
    public static final int MIN_LENGTH = 4;
    public static final int MAX_LENGTH = 12;

    /**
     * The 20 most common 4-digit PINs in DataGenetics' published analysis of 3.4 million PINs (Nick Berry, 2012),
     * in its order; together about a quarter of all the PINs people chose. An attacker tries these first, and the
     * attempt limit allows a few guesses per lock, so they are refused whatever the weak-PIN rule says.
     */
    public static final Set<String> COMMON_PINS = Collections.unmodifiableSet(new LinkedHashSet<>(List.of(
            "1234", "1111", "0000", "1212", "7777", "1004", "2000", "4444", "2222", "6969",
            "9999", "3333", "5555", "6666", "1122", "1313", "8888", "4321", "2001", "1010")));

    public static final PinSettings DEFAULT = new PinSettings(DEFAULT_LENGTH, false);

    private static final Logger LOG = Logger.getLogger(PinSettings.class);

    public PinSettings {
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            throw new IllegalArgumentException("A PIN length must be " + MIN_LENGTH + ".." + MAX_LENGTH);
        }
        refused = Set.copyOf(refused);
    }

    /** The default refused PINs ({@link #COMMON_PINS}). */
    public PinSettings(int length, boolean weakAllowed) {
        this(length, weakAllowed, COMMON_PINS);
    }

    /** The realm's settings; a value that does not parse falls back to its default with a WARN naming the attribute. */
    public static PinSettings of(RealmModel realm) {
        return parse(realm.getName(), realm.getAttribute(LENGTH_ATTRIBUTE), realm.getAttribute(WEAK_ALLOWED_ATTRIBUTE),
                realm.getAttribute(REFUSED_ATTRIBUTE));
    }

    static PinSettings parse(String realmName, String length, String weakAllowed) {
        return parse(realmName, length, weakAllowed, null);
    }

    static PinSettings parse(String realmName, String length, String weakAllowed, String refused) {
        return new PinSettings(parseLength(realmName, length), parseWeakAllowed(realmName, weakAllowed),
                parseRefused(realmName, refused));
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
        if (refused.contains(pin)) {
            return PinCheck.COMMON;
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
        return RealmAttributes.number(realmName, LENGTH_ATTRIBUTE, value, MIN_LENGTH, MAX_LENGTH, DEFAULT_LENGTH);
    }

    /**
     * The refused PINs: empty or absent, {@link #COMMON_PINS}; {@value #REFUSED_NONE}, none; otherwise the
     * comma-separated PINs, which replace the default. An entry that is not 1–{@value #MAX_LENGTH} digits cannot be
     * what the admin meant: the WARN names the attribute (never the entries), and the default list is refused too, so
     * that a typo never lets 1234 through.
     */
    private static Set<String> parseRefused(String realmName, String value) {
        if (value == null || value.isBlank()) {
            return COMMON_PINS;
        }
        if (value.strip().equalsIgnoreCase(REFUSED_NONE)) {
            return Set.of();
        }
        Set<String> pins = new LinkedHashSet<>();
        boolean malformed = false;
        for (String entry : value.split(",")) {
            String pin = entry.strip();
            if (pin.isEmpty()) {
                continue;
            }
            if (isStorable(pin)) {
                pins.add(pin);
            } else {
                malformed = true;
            }
        }
        if (malformed || pins.isEmpty()) {
            LOG.warnf("Realm '%s': attribute %s must be '%s' or PINs of 1 to %d digits separated by commas; refusing "
                    + "the default common PINs too", realmName, REFUSED_ATTRIBUTE, REFUSED_NONE, MAX_LENGTH);
            pins.addAll(COMMON_PINS);
        }
        return pins;
    }

    private static boolean parseWeakAllowed(String realmName, String value) {
        // A typo must not open the door to 1234: it reads as refusing weak PINs.
        return RealmAttributes.flag(realmName, WEAK_ALLOWED_ATTRIBUTE, value, false, false);
    }
}
