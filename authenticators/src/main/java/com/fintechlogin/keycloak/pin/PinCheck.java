package com.fintechlogin.keycloak.pin;

/** The verdict of {@link PinSettings#check(String)} on a PIN a user wants to set, in the order the rules apply. */
public enum PinCheck {
    OK,
    /** Empty, or holds anything but the ASCII digits 0–9. */
    NOT_DIGITS,
    /** Not exactly the realm's PIN length. */
    WRONG_LENGTH,
    /** One digit repeated or a straight run, and the realm does not allow those. */
    WEAK,
    /** One of the PINs the realm refuses by value: by default the most common ones ({@link PinSettings#COMMON_PINS}). */
    COMMON
}
