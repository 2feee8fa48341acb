package com.fintechlogin.keycloak.identify;

import java.util.regex.Pattern;

/** Account numbers as the user profile stores them: 1 to 18 digits, compared as given (leading zeros count). */
public final class AccountNumbers {

    /** The user attribute holding the account number. */
    public static final String ATTRIBUTE = "accountNumber";

    private static final Pattern STORED_FORM = Pattern.compile("[0-9]{1,18}");

    private AccountNumbers() {
    }

    /** The stored form of {@code input} (surrounding blanks removed), or {@code null} when it cannot be one. */
    public static String normalize(String input) {
        if (input == null) {
            return null;
        }
        String trimmed = input.strip();
        return STORED_FORM.matcher(trimmed).matches() ? trimmed : null;
    }
}
