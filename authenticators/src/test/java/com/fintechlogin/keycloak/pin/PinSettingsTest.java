package com.fintechlogin.keycloak.pin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class PinSettingsTest {

    @Test
    void weakPinsAreStraightRunsAndRepeats() {
        for (String weak : new String[] {"1111", "0000", "9999", "1234", "0123", "6789", "4321", "9876", "3210",
                "123456", "987654", "222222"}) {
            assertThat(PinSettings.isWeak(weak)).as(weak).isTrue();
        }
    }

    @Test
    void runsDoNotWrapAround() {
        assertThat(PinSettings.isWeak("7890")).isFalse();
        assertThat(PinSettings.isWeak("8901")).isFalse();
        assertThat(PinSettings.isWeak("1098")).isFalse();
    }

    @Test
    void ordinaryPinsAreNotWeak() {
        for (String fine : new String[] {"2468", "1235", "1121", "1357", "9753", "1212", "0001", "8520"}) {
            assertThat(PinSettings.isWeak(fine)).as(fine).isFalse();
        }
    }

    @Test
    void whatIsNotDigitsIsNotCalledWeak() {
        assertThat(PinSettings.isWeak("abcd")).isFalse();
        assertThat(PinSettings.isWeak(null)).isFalse();
    }

    @Test
    void onlyAsciiDigitsAreDigits() {
        assertThat(PinSettings.isDigitsOnly("0123456789")).isTrue();
        assertThat(PinSettings.isDigitsOnly("")).isFalse();
        assertThat(PinSettings.isDigitsOnly(null)).isFalse();
        assertThat(PinSettings.isDigitsOnly("12 34")).isFalse();
        assertThat(PinSettings.isDigitsOnly("-123")).isFalse();
        assertThat(PinSettings.isDigitsOnly("１２３４")).as("full-width digits").isFalse();
        assertThat(PinSettings.isDigitsOnly("١٢٣٤")).as("Arabic-Indic digits").isFalse();
    }

    @Test
    void storablePinsAreOneToTwelveDigitsWhateverTheRealmSays() {
        assertThat(PinSettings.isStorable("1")).isTrue();
        assertThat(PinSettings.isStorable("1111")).as("weak but storable: admin seeds").isTrue();
        assertThat(PinSettings.isStorable("123456789012")).isTrue();
        assertThat(PinSettings.isStorable("1234567890123")).isFalse();
        assertThat(PinSettings.isStorable("12a4")).isFalse();
        assertThat(PinSettings.isStorable(null)).isFalse();
    }

    @Test
    void lengthMatchesTheRealmLengthExactly() {
        PinSettings six = new PinSettings(6, false);

        assertThat(six.lengthMatches("135792")).isTrue();
        assertThat(six.lengthMatches("13579")).isFalse();
        assertThat(six.lengthMatches("1357924")).isFalse();
        assertThat(six.lengthMatches(null)).isFalse();
    }

    @Test
    void checkReportsTheFirstBrokenRule() {
        PinSettings settings = PinSettings.DEFAULT;

        assertThat(settings.check("2468")).isEqualTo(PinCheck.OK);
        assertThat(settings.check(null)).isEqualTo(PinCheck.NOT_DIGITS);
        assertThat(settings.check("12a")).isEqualTo(PinCheck.NOT_DIGITS);
        assertThat(settings.check("24680")).isEqualTo(PinCheck.WRONG_LENGTH);
        assertThat(settings.check("111")).as("short and weak: length first").isEqualTo(PinCheck.WRONG_LENGTH);
        assertThat(settings.check("1234")).isEqualTo(PinCheck.WEAK);
        assertThat(settings.check("1111")).as("weak and common: weak first").isEqualTo(PinCheck.WEAK);
        assertThat(settings.check("1004")).isEqualTo(PinCheck.COMMON);
    }

    @Test
    void weakPinsPassWhenTheRealmAllowsThemUnlessTheRealmRefusesThemByValue() {
        assertThat(new PinSettings(4, true).check("4567")).isEqualTo(PinCheck.OK);
        assertThat(new PinSettings(4, true).check("1234")).as("among the common PINs").isEqualTo(PinCheck.COMMON);
        assertThat(new PinSettings(4, true, Set.of()).check("1234")).isEqualTo(PinCheck.OK);
    }

    @Test
    void theTwentyMostCommonPinsAreRefusedByDefaultWhateverTheirShape() {
        assertThat(PinSettings.COMMON_PINS).hasSize(20).containsExactly("1234", "1111", "0000", "1212", "7777", "1004",
                "2000", "4444", "2222", "6969", "9999", "3333", "5555", "6666", "1122", "1313", "8888", "4321", "2001", "1010");
        for (String common : List.of("1004", "2000", "6969", "1212", "1122", "1313", "2001", "1010")) {
            assertThat(PinSettings.isWeak(common)).as(common).isFalse();
            assertThat(PinSettings.DEFAULT.check(common)).as(common).isEqualTo(PinCheck.COMMON);
        }
        assertThat(PinSettings.DEFAULT.check("1005")).isEqualTo(PinCheck.OK);
    }

    @Test
    void theRealmsListReplacesTheCommonPinsAndNoneRefusesNone() {
        PinSettings own = PinSettings.parse("demo", null, null, " 2468 ,9731,,");
        assertThat(own.refused()).containsExactlyInAnyOrder("2468", "9731");
        assertThat(own.check("2468")).isEqualTo(PinCheck.COMMON);
        assertThat(own.check("1004")).isEqualTo(PinCheck.OK);
        assertThat(own.check("1111")).as("the weak-PIN rule still applies").isEqualTo(PinCheck.WEAK);

        PinSettings none = PinSettings.parse("demo", null, null, " NONE ");
        assertThat(none.refused()).isEmpty();
        assertThat(none.check("1004")).isEqualTo(PinCheck.OK);
    }

    @Test
    void anEmptyRefusedListMeansTheDefaultAsEveryEmptyAttributeDoes() {
        assertThat(PinSettings.parse("demo", null, null, "").refused()).isEqualTo(PinSettings.COMMON_PINS);
        assertThat(PinSettings.parse("demo", null, null, "  ").refused()).isEqualTo(PinSettings.COMMON_PINS);
        assertThat(PinSettings.parse("demo", null, null, null)).isEqualTo(PinSettings.DEFAULT);
    }

    @Test
    void aRefusedListWithATypoRefusesTheCommonPinsToo() {
        PinSettings typo = PinSettings.parse("demo", null, null, "2468,12a4");
        assertThat(typo.refused()).contains("2468").containsAll(PinSettings.COMMON_PINS).doesNotContain("12a4");
        assertThat(PinSettings.parse("demo", null, null, ",,").refused()).isEqualTo(PinSettings.COMMON_PINS);
    }

    @Test
    void unsetAttributesMeanFourDigitsAndNoWeakPins() {
        assertThat(PinSettings.parse("demo", null, null)).isEqualTo(new PinSettings(4, false)).isEqualTo(PinSettings.DEFAULT);
        assertThat(PinSettings.parse("demo", " ", "")).isEqualTo(PinSettings.DEFAULT);
    }

    @Test
    void attributesAreRead() {
        assertThat(PinSettings.parse("demo", "6", "true")).isEqualTo(new PinSettings(6, true));
        assertThat(PinSettings.parse("demo", " 12 ", "TRUE")).isEqualTo(new PinSettings(12, true));
        assertThat(PinSettings.parse("demo", "4", "false")).isEqualTo(new PinSettings(4, false));
    }

    @Test
    void invalidAttributesFallBackToTheSafeDefaults() {
        assertThat(PinSettings.parse("demo", "3", null).length()).isEqualTo(4);
        assertThat(PinSettings.parse("demo", "13", null).length()).isEqualTo(4);
        assertThat(PinSettings.parse("demo", "six", null).length()).isEqualTo(4);
        assertThat(PinSettings.parse("demo", null, "yes").weakAllowed()).as("a typo does not allow 1234").isFalse();
    }

    @Test
    void settingsCannotBeMadeOutsideFourToTwelve() {
        assertThatThrownBy(() -> new PinSettings(3, false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PinSettings(13, false)).isInstanceOf(IllegalArgumentException.class);
    }
}
