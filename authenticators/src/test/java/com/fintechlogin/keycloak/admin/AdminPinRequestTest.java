package com.fintechlogin.keycloak.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import com.fintechlogin.keycloak.json.Parsed;
import com.fintechlogin.keycloak.pin.PinSettings;

import org.junit.jupiter.api.Test;

class AdminPinRequestTest {

    private static final PinSettings FOUR_DIGITS = new PinSettings(4, false);

    private static Parsed<String, String> parse(String json) {
        return AdminPinRequest.parse(json.getBytes(StandardCharsets.UTF_8), FOUR_DIGITS);
    }

    @Test
    void acceptsAPinOfTheRealmsLength() {
        assertThat(parse("{\"pin\": \"4821\"}")).isEqualTo(new Parsed.Valid<>("4821"));
        assertThat(parse("{\"pin\": 4821,}")).isEqualTo(new Parsed.Valid<>("4821"));
    }

    @Test
    void letsAnAdminSetAPinTheRealmCallsWeak() {
        assertThat(parse("{\"pin\": \"1111\"}")).isEqualTo(new Parsed.Valid<>("1111"));
        assertThat(parse("{\"pin\": \"1234\"}")).isEqualTo(new Parsed.Valid<>("1234"));
    }

    @Test
    void refusesAPinOfAnotherLengthNamingTheRealmsLength() {
        assertThat(parse("{\"pin\": \"48213\"}")).isEqualTo(new Parsed.Invalid<>("The PIN must have 4 digits"));
        assertThat(AdminPinRequest.parse("{\"pin\": \"4821\"}".getBytes(StandardCharsets.UTF_8), new PinSettings(6, false)))
                .isEqualTo(new Parsed.Invalid<>("The PIN must have 6 digits"));
    }

    @Test
    void refusesAnythingButDigits() {
        assertThat(parse("{\"pin\": \"48a1\"}")).isEqualTo(new Parsed.Invalid<>("The PIN must be digits only"));
        assertThat(parse("{\"pin\": \"٤٨٢١\"}")).isEqualTo(new Parsed.Invalid<>("The PIN must be digits only"));
    }

    @Test
    void refusesAMissingPinOrABodyThatIsNoJsonObject() {
        assertThat(parse("{}")).isEqualTo(new Parsed.Invalid<>("No PIN provided"));
        assertThat(parse("{\"pin\": \"\"}")).isEqualTo(new Parsed.Invalid<>("No PIN provided"));
        assertThat(parse("[\"4821\"]")).isInstanceOf(Parsed.Invalid.class);
        assertThat(parse("")).isInstanceOf(Parsed.Invalid.class);
        assertThat(parse("{\"pin\": \"4821\", \"pin\": \"1357\"}")).isInstanceOf(Parsed.Invalid.class);
    }

    @Test
    void neverPrintsOrQuotesThePin() {
        assertThat(parse("{\"pin\": \"4821\"}").toString()).doesNotContain("4821");
        assertThat(parse("{\"pin\": \"98a7\"}").toString()).doesNotContain("98a7");
        assertThat(parse("{\"pin\": \"987654\"}").toString()).doesNotContain("987654");
    }
}
