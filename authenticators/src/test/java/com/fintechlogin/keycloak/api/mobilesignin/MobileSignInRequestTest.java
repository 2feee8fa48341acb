package com.fintechlogin.keycloak.api.mobilesignin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import com.fintechlogin.keycloak.json.Parsed;

import org.junit.jupiter.api.Test;

class MobileSignInRequestTest {

    private static Parsed<MobileSignInRequest, String> parse(String json) {
        return MobileSignInRequest.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsTheSampleCurlBodyWithItsTrailingComma() {
        Parsed<MobileSignInRequest, String> parsed = parse("{\n  \"token\": \"abc.def.ghi\",\n  \"mobile\": \"9999097535\",\n}");

        assertThat(parsed).isEqualTo(new Parsed.Valid<>(new MobileSignInRequest("abc.def.ghi", "9999097535")));
    }

    @Test
    void acceptsAMobileSentAsANumberAndATokenWithItsBearerPrefix() {
        assertThat(parse("{\"token\": \"Bearer abc\", \"mobile\": 9999097535}"))
                .isEqualTo(new Parsed.Valid<>(new MobileSignInRequest("abc", "9999097535")));
    }

    @Test
    void namesTheFirstFieldAtFault() {
        assertThat(parse("not json")).isEqualTo(new Parsed.Invalid<>("request body"));
        assertThat(parse("{\"mobile\": \"9999097535\"}")).isEqualTo(new Parsed.Invalid<>("token"));
        assertThat(parse("{\"token\": \"abc\"}")).isEqualTo(new Parsed.Invalid<>("mobile"));
        assertThat(parse("{\"token\": \"abc\", \"mobile\": \"abc\"}")).isEqualTo(new Parsed.Invalid<>("mobile"));
    }

    @Test
    void neverPrintsTheToken() {
        assertThat(((Parsed.Valid<MobileSignInRequest, String>) parse("{\"token\": \"secret-token\", \"mobile\": \"9999097535\"}")).value().toString())
                .doesNotContain("secret-token");
    }
}
