package com.fintechlogin.keycloak.api.lending;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class LendingRequestTest {

    private static LendingRequest.Parsed parse(String json) {
        return LendingRequest.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsTheSampleCurlBodyWithItsTrailingComma() {
        LendingRequest.Parsed parsed = parse("{\n  \"token\": \"abc.def.ghi\",\n  \"mobile\": \"9999097535\",\n}");

        assertThat(parsed).isEqualTo(new LendingRequest.Valid(new LendingRequest("abc.def.ghi", "9999097535")));
    }

    @Test
    void acceptsAMobileSentAsANumberAndATokenWithItsBearerPrefix() {
        assertThat(parse("{\"token\": \"Bearer abc\", \"mobile\": 9999097535}"))
                .isEqualTo(new LendingRequest.Valid(new LendingRequest("abc", "9999097535")));
    }

    @Test
    void namesTheFirstFieldAtFault() {
        assertThat(parse("not json")).isEqualTo(new LendingRequest.Invalid("request body"));
        assertThat(parse("{\"mobile\": \"9999097535\"}")).isEqualTo(new LendingRequest.Invalid("token"));
        assertThat(parse("{\"token\": \"abc\"}")).isEqualTo(new LendingRequest.Invalid("mobile"));
        assertThat(parse("{\"token\": \"abc\", \"mobile\": \"abc\"}")).isEqualTo(new LendingRequest.Invalid("mobile"));
    }

    @Test
    void neverPrintsTheToken() {
        assertThat(((LendingRequest.Valid) parse("{\"token\": \"secret-token\", \"mobile\": \"9999097535\"}")).request().toString())
                .doesNotContain("secret-token");
    }
}
