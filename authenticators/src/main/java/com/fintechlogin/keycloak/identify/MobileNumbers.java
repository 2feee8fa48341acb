package com.fintechlogin.keycloak.identify;

import java.util.regex.Pattern;

/**
 * How a mobile number given to an API becomes the form users are stored and found by: spaces removed, then
 * a leading {@code +91} (India's country code) or a single leading {@code 0} (the trunk prefix) removed; what
 * remains must be 1 to 15 digits not starting with 0, as the user profile requires of the {@code mobile}
 * attribute.
 */
public final class MobileNumbers {

    /** The user attribute holding the stored form. */
    public static final String ATTRIBUTE = "mobile";

    private static final Pattern STORED_FORM = Pattern.compile("[1-9][0-9]{0,14}");
    private static final int MAX_INPUT_LENGTH = 32;

    private MobileNumbers() {
    }

    /** The stored form of {@code input}, or {@code null} when it is not a mobile number. */
    public static String normalize(String input) {
        if (input == null || input.length() > MAX_INPUT_LENGTH) {
            return null;
        }
        String digits = input.replace(" ", "");
        if (digits.startsWith("+91")) {
            digits = digits.substring(3);
        } else if (digits.startsWith("0")) {
            digits = digits.substring(1);
        }
        return STORED_FORM.matcher(digits).matches() ? digits : null;
    }
}
