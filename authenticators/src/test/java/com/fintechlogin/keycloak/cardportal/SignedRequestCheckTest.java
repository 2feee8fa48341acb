package com.fintechlogin.keycloak.cardportal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class SignedRequestCheckTest {

    private static final String REALM = "realm-id";
    private static final String CLIENT = "91f5evhk72f56432ec678sdfes685h42sd2t21k430912508233b7r37562g2hps";
    private static final List<String> DOCUMENTED = List.of("mobile_no", "password");
    private static final Map<String, String> VALUES = Map.of("mobile_no", "9876543210", "password", "Apswd@1234");
    private static final long NOW = 1_700_000_000_000L;

    /** A vault with one entry, {@code ${vault.cs}}; anything that is no vault reference is its own value. */
    private static Optional<String> vault(String configured) {
        if (configured.startsWith("${vault.")) {
            return configured.equals("${vault.cs}") ? Optional.of("vaulted-secret") : Optional.empty();
        }
        return Optional.of(configured);
    }

    /** The single-use store: one map, as every node shares it. */
    private final Map<String, Long> claimed = new HashMap<>();

    private final SignedRequestCheck check = new SignedRequestCheck(SignedRequestCheckTest::vault,
            (key, lifespan) -> claimed.putIfAbsent(key, lifespan) == null, () -> NOW);

    private static ChecksumSettings settings(String processorKey, String secret, List<String> fields, long window) {
        return new ChecksumSettings(processorKey, secret, fields, window);
    }

    private static String checksum(String... parts) {
        return ChecksumVerifier.checksum(List.of(parts), "");
    }

    private Optional<ChecksumRefusal> check(ChecksumSettings settings, String processorKey, String checksum, String timestamp) {
        return check.check(REALM, CLIENT, settings, new SignedRequest(processorKey, checksum, VALUES, timestamp));
    }

    @Test
    void acceptsTheDocumentedScheme() {
        ChecksumSettings settings = settings("pk", "s3cret", DOCUMENTED, 0);

        assertThat(check(settings, "pk", checksum("9876543210", "Apswd@1234", "s3cret"), null)).isEmpty();
        assertThat(check(settings, "pk", checksum("9876543210", "Apswd@1234", "s3cret").toUpperCase(Locale.ROOT), null)).isEmpty();
    }

    @Test
    void withoutReplayProtectionTheSameRequestIsAcceptedAgainAndNothingIsStored() {
        ChecksumSettings settings = settings("pk", "s3cret", DOCUMENTED, 0);
        String sum = checksum("9876543210", "Apswd@1234", "s3cret");

        assertThat(check(settings, "pk", sum, null)).isEmpty();
        assertThat(check(settings, "pk", sum, null)).isEmpty();
        assertThat(claimed).isEmpty();
    }

    @Test
    void refusesAWrongProcessorKeyBeforeLookingAtTheChecksum() {
        ChecksumSettings settings = settings("pk", "s3cret", DOCUMENTED, 0);

        assertThat(check(settings, "pk2", checksum("9876543210", "Apswd@1234", "s3cret"), null))
                .contains(ChecksumRefusal.WRONG_PROCESSOR_KEY);
        assertThat(check(settings, "PK", checksum("9876543210", "Apswd@1234", "s3cret"), null))
                .as("the processor key is compared exactly").contains(ChecksumRefusal.WRONG_PROCESSOR_KEY);
    }

    @Test
    void refusesAChecksumOfAnotherOrderOrSecret() {
        ChecksumSettings settings = settings("pk", "s3cret", DOCUMENTED, 0);

        assertThat(check(settings, "pk", checksum("Apswd@1234", "9876543210", "s3cret"), null)).contains(ChecksumRefusal.WRONG_CHECKSUM);
        assertThat(check(settings, "pk", checksum("9876543210", "Apswd@1234", "other"), null)).contains(ChecksumRefusal.WRONG_CHECKSUM);
        assertThat(check(settings, "pk", checksum("9876543210", "Apswd@1234"), null)).contains(ChecksumRefusal.WRONG_CHECKSUM);
    }

    @Test
    void followsTheClientsConfiguredOrder() {
        ChecksumSettings settings = settings("pk", "s3cret", List.of("password", "mobile_no"), 0);

        assertThat(check(settings, "pk", checksum("Apswd@1234", "9876543210", "s3cret"), null)).isEmpty();
        assertThat(check(settings, "pk", checksum("9876543210", "Apswd@1234", "s3cret"), null)).contains(ChecksumRefusal.WRONG_CHECKSUM);
    }

    @Test
    void resolvesVaultReferencesAndRefusesWhenTheEntryIsMissing() {
        assertThat(check(settings("pk", "${vault.cs}", DOCUMENTED, 0), "pk", checksum("9876543210", "Apswd@1234", "vaulted-secret"), null))
                .isEmpty();
        assertThat(check(settings("pk", "${vault.cs}", DOCUMENTED, 0), "pk", checksum("9876543210", "Apswd@1234", "${vault.cs}"), null))
                .as("the reference itself is no secret").contains(ChecksumRefusal.WRONG_CHECKSUM);
        assertThat(check(settings("${vault.cs}", "s3cret", DOCUMENTED, 0), "vaulted-secret", checksum("9876543210", "Apswd@1234", "s3cret"), null))
                .isEmpty();
        assertThat(check(settings("${vault.cs}", "s3cret", DOCUMENTED, 0), "${vault.cs}", checksum("9876543210", "Apswd@1234", "s3cret"), null))
                .contains(ChecksumRefusal.WRONG_PROCESSOR_KEY);
        assertThat(check(settings("${vault.gone}", "s3cret", DOCUMENTED, 0), "${vault.gone}", checksum("9876543210", "Apswd@1234", "s3cret"), null))
                .contains(ChecksumRefusal.PROCESSOR_KEY_UNAVAILABLE);
        assertThat(check(settings("pk", "${vault.gone}", DOCUMENTED, 0), "pk", checksum("9876543210", "Apswd@1234", ""), null))
                .contains(ChecksumRefusal.SECRET_UNAVAILABLE);
    }

    @Test
    void replayProtectionChecksumsTheTimestampAfterTheFieldsAndAcceptsEachChecksumOnce() {
        ChecksumSettings settings = settings("pk", "s3cret", DOCUMENTED, 60);
        String timestamp = Long.toString(NOW - 1_000);
        String sum = checksum("9876543210", "Apswd@1234", timestamp, "s3cret");

        assertThat(check(settings, "pk", sum, timestamp)).isEmpty();
        assertThat(check(settings, "pk", sum, timestamp)).contains(ChecksumRefusal.REPLAYED);
        assertThat(check(settings, "pk", sum.toUpperCase(Locale.ROOT), timestamp)).as("in capitals").contains(ChecksumRefusal.REPLAYED);
        assertThat(claimed).hasSize(1).containsValue(59L);

        String next = Long.toString(NOW);
        assertThat(check(settings, "pk", checksum("9876543210", "Apswd@1234", next, "s3cret"), next)).isEmpty();
    }

    @Test
    void replayProtectionRefusesAMissingOrMalformedTimestampAndAChecksumWithoutIt() {
        ChecksumSettings settings = settings("pk", "s3cret", DOCUMENTED, 60);
        String timestamp = Long.toString(NOW);

        assertThat(check(settings, "pk", checksum("9876543210", "Apswd@1234", "s3cret"), null)).contains(ChecksumRefusal.TIMESTAMP_MALFORMED);
        assertThat(check(settings, "pk", checksum("9876543210", "Apswd@1234", "s3cret"), "yesterday")).contains(ChecksumRefusal.TIMESTAMP_MALFORMED);
        assertThat(check(settings, "pk", checksum("9876543210", "Apswd@1234", "s3cret"), timestamp)).contains(ChecksumRefusal.WRONG_CHECKSUM);
        assertThat(check(settings, "pk", checksum("9876543210", "Apswd@1234", "s3cret", timestamp), timestamp))
                .as("the timestamp goes before the secret").contains(ChecksumRefusal.WRONG_CHECKSUM);
        assertThat(claimed).isEmpty();
    }

    @Test
    void replayProtectionRefusesAStaleTimestampOfAnAuthenticRequestWithoutMarkingIt() {
        ChecksumSettings settings = settings("pk", "s3cret", DOCUMENTED, 60);
        String stale = Long.toString(NOW - 61_000);
        String ahead = Long.toString(NOW + 61_000);

        assertThat(check(settings, "pk", checksum("9876543210", "Apswd@1234", stale, "s3cret"), stale)).contains(ChecksumRefusal.STALE_TIMESTAMP);
        assertThat(check(settings, "pk", checksum("9876543210", "Apswd@1234", ahead, "s3cret"), ahead)).contains(ChecksumRefusal.STALE_TIMESTAMP);
        assertThat(claimed).isEmpty();
    }

    @Test
    void aForgedRequestDoesNotSpendTheMarkerOfAGenuineOne() {
        ChecksumSettings settings = settings("pk", "s3cret", DOCUMENTED, 60);
        String timestamp = Long.toString(NOW);
        String genuine = checksum("9876543210", "Apswd@1234", timestamp, "s3cret");
        Map<String, String> forgedValues = Map.of("mobile_no", "9876543210", "password", "guess");

        assertThat(check.check(REALM, CLIENT, settings, new SignedRequest("pk", genuine, forgedValues, timestamp)))
                .contains(ChecksumRefusal.WRONG_CHECKSUM);
        assertThat(check(settings, "pk", genuine, timestamp)).isEmpty();
    }

    @Test
    void signedRequestNeverPrintsItsSecrets() {
        String sum = checksum("9876543210", "Apswd@1234", "s3cret");
        String printed = new SignedRequest("the-processor-key", sum, VALUES, null).toString();

        assertThat(printed).doesNotContain("the-processor-key").doesNotContain(sum).doesNotContain("Apswd@1234");
    }
}
