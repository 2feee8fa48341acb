package com.fintechlogin.keycloak.cardportal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class ChecksumVerifierTest {

    /** FIPS 180-2, appendix B.1: SHA-256("abc"). */
    private static final String SHA256_ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    /** FIPS 180-2, appendix B.2: the two-block message. */
    private static final String SHA256_TWO_BLOCKS = "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1";
    /** SHA-256 of the empty string. */
    private static final String SHA256_EMPTY = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    @Test
    void isTheSha256OfTheValuesConcatenatedThenTheSecret() {
        assertThat(ChecksumVerifier.checksum(List.of("a", "b"), "c")).isEqualTo(SHA256_ABC);
        assertThat(ChecksumVerifier.checksum(List.of(), "abc")).isEqualTo(SHA256_ABC);
        assertThat(ChecksumVerifier.checksum(List.of("", ""), "")).isEqualTo(SHA256_EMPTY);
        assertThat(ChecksumVerifier.checksum(List.of("abcdbcdecdefdefgefghfghighijhijk", "ijkljklmklmnlmnomnop"), "nopq"))
                .isEqualTo(SHA256_TWO_BLOCKS);
    }

    @Test
    void theDocumentsSampleValuesWithAKnownDigest() {
        // sha256("9XXXXXX978" . "Apswd@1234" . "demo-checksum-secret-002"), computed apart (Python hashlib).
        assertThat(ChecksumVerifier.checksum(List.of("9XXXXXX978", "Apswd@1234"), "demo-checksum-secret-002"))
                .isEqualTo("dd9e3043f282cea48c32cd1f3ebf3f3e98c989b332448c2943fb75e371fc9688");
    }

    @Test
    void hashesTheUtf8BytesOfNonAsciiValues() {
        // sha256 of the UTF-8 bytes of "ü€s", computed apart (Python hashlib).
        assertThat(ChecksumVerifier.checksum(List.of("ü", "€"), "s"))
                .isEqualTo("6b47c20982df71f2bc351afbfb2193a2e2a962e3c95ab05d11ff0bc2f340e87f");
    }

    @Test
    void matchesInEitherLetterCase() {
        assertThat(ChecksumVerifier.matches(SHA256_ABC, List.of("a", "b"), "c")).isTrue();
        assertThat(ChecksumVerifier.matches(SHA256_ABC.toUpperCase(Locale.ROOT), List.of("a", "b"), "c")).isTrue();
        String mixed = SHA256_ABC.substring(0, 32) + SHA256_ABC.substring(32).toUpperCase(Locale.ROOT);
        assertThat(ChecksumVerifier.matches(mixed, List.of("a", "b"), "c")).isTrue();
    }

    @Test
    void refusesAnotherOrderAnotherSecretOrAChangedValue() {
        assertThat(ChecksumVerifier.matches(SHA256_ABC, List.of("b", "a"), "c")).isFalse();
        assertThat(ChecksumVerifier.matches(SHA256_ABC, List.of("a", "b"), "d")).isFalse();
        assertThat(ChecksumVerifier.matches(SHA256_ABC, List.of("a", "x"), "c")).isFalse();
        String lastDigitChanged = SHA256_ABC.substring(0, 63) + "e";
        assertThat(ChecksumVerifier.matches(lastDigitChanged, List.of("a", "b"), "c")).isFalse();
    }

    @Test
    void onlySixtyFourHexDigitsAreWellFormed() {
        assertThat(ChecksumVerifier.isWellFormed(SHA256_ABC)).isTrue();
        assertThat(ChecksumVerifier.isWellFormed(SHA256_ABC.toUpperCase(Locale.ROOT))).isTrue();
        assertThat(ChecksumVerifier.isWellFormed(null)).isFalse();
        assertThat(ChecksumVerifier.isWellFormed("")).isFalse();
        assertThat(ChecksumVerifier.isWellFormed(SHA256_ABC.substring(1))).isFalse();
        assertThat(ChecksumVerifier.isWellFormed(SHA256_ABC + "0")).isFalse();
        assertThat(ChecksumVerifier.isWellFormed(SHA256_ABC.substring(1) + "g")).isFalse();
        // The document's sample value is a placeholder, not hex.
        assertThat(ChecksumVerifier.isWellFormed("91f5evhk72f56432ec678sdfes685h42sd2t21k430912508233b7r37562g2hps")).isFalse();
        assertThat(ChecksumVerifier.matches("not hex", List.of("a", "b"), "c")).isFalse();
    }
}
