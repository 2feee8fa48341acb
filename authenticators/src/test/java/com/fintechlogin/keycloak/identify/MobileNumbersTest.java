package com.fintechlogin.keycloak.identify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MobileNumbersTest {

    @Test
    void keepsANationalNumberAsIs() {
        assertThat(MobileNumbers.normalize("9999097535")).isEqualTo("9999097535");
    }

    @Test
    void stripsSpacesAndTheCountryCode() {
        assertThat(MobileNumbers.normalize("+91 99990 97535")).isEqualTo("9999097535");
        assertThat(MobileNumbers.normalize("+919999097535")).isEqualTo("9999097535");
    }

    @Test
    void stripsOneTrunkZero() {
        assertThat(MobileNumbers.normalize("09999097535")).isEqualTo("9999097535");
        assertThat(MobileNumbers.normalize("009999097535")).isNull();
    }

    @Test
    void refusesWhatIsNotADigitString() {
        assertThat(MobileNumbers.normalize(null)).isNull();
        assertThat(MobileNumbers.normalize("")).isNull();
        assertThat(MobileNumbers.normalize("+91")).isNull();
        assertThat(MobileNumbers.normalize("98-7654-3210")).isNull();
        assertThat(MobileNumbers.normalize("9876543210'; --")).isNull();
        assertThat(MobileNumbers.normalize("１２３")).as("full-width digits").isNull();
        assertThat(MobileNumbers.normalize("1234567890123456")).as("16 digits").isNull();
        assertThat(MobileNumbers.normalize("9".repeat(40))).isNull();
    }
}
