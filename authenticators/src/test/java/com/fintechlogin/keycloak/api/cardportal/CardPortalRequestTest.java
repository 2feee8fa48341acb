package com.fintechlogin.keycloak.api.cardportal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fintechlogin.keycloak.json.Parsed;

import org.junit.jupiter.api.Test;

class CardPortalRequestTest {

    private static final String FORM = "application/x-www-form-urlencoded";

    private static Parsed<CardPortalRequest, String> parse(String body, String contentType) {
        return CardPortalRequest.parse(body.getBytes(StandardCharsets.UTF_8), contentType);
    }

    private static CardPortalRequest valid(String body, String contentType) {
        Parsed<CardPortalRequest, String> parsed = parse(body, contentType);
        assertThat(parsed).as(body).isInstanceOf(Parsed.Valid.class);
        return ((Parsed.Valid<CardPortalRequest, String>) parsed).value();
    }

    private static String invalidField(String body, String contentType) {
        Parsed<CardPortalRequest, String> parsed = parse(body, contentType);
        assertThat(parsed).as(body).isInstanceOf(Parsed.Invalid.class);
        return ((Parsed.Invalid<CardPortalRequest, String>) parsed).problem();
    }

    @Test
    void readsTheDocumentedFormAndKeepsTheValuesAsSent() {
        CardPortalRequest request = valid("mobile_no=0987654321&password=%20Apswd%401234", FORM);

        assertThat(request.mobileNo()).as("a leading 0 is part of the value the checksum covers").isEqualTo("0987654321");
        assertThat(request.password()).isEqualTo(" Apswd@1234");
        assertThat(request.mobile()).isEqualTo("987654321");
        assertThat(request.timestamp()).isNull();
        assertThat(request.checksummedValues()).containsOnly(Map.entry("mobile_no", "0987654321"), Map.entry("password", " Apswd@1234"));
    }

    @Test
    void readsTheTimestampAsSentAndIgnoresUnknownFields() {
        CardPortalRequest request = valid("mobile_no=9876543210&password=p&timestamp=1700000000000&channel=web", FORM);

        assertThat(request.timestamp()).isEqualTo("1700000000000");
    }

    @Test
    void readsAJsonBodyUnderTheJsonTypeTheFormTypeOrNone() {
        String json = "{\"mobile_no\": \"9876543210\", \"password\": \"Apswd@1234\", \"timestamp\": 1700000000000,}";
        for (String contentType : new String[] {"application/json", "application/json; charset=UTF-8", FORM, null}) {
            CardPortalRequest request = valid(json, contentType);
            assertThat(request.mobileNo()).as(contentType).isEqualTo("9876543210");
            assertThat(request.password()).as(contentType).isEqualTo("Apswd@1234");
            assertThat(request.timestamp()).as(contentType).isEqualTo("1700000000000");
        }
        assertThat(valid("\n {\"mobile_no\": 9876543210, \"password\": \"x\"}", FORM).mobileNo()).isEqualTo("9876543210");
    }

    @Test
    void aFormUnderTheJsonTypeOrBrokenJsonIsMalformed() {
        assertThat(invalidField("mobile_no=9876543210&password=x", "application/json")).isEqualTo(CardPortalRequest.BODY);
        assertThat(invalidField("{\"mobile_no\": \"9876543210\",", FORM)).isEqualTo(CardPortalRequest.BODY);
        assertThat(invalidField("{\"mobile_no\": \"9876543210\", \"mobile_no\": \"9876543211\", \"password\": \"x\"}", FORM))
                .isEqualTo(CardPortalRequest.BODY);
        assertThat(invalidField("mobile_no=9876543210&mobile_no=9876543211&password=x", FORM)).isEqualTo(CardPortalRequest.BODY);
        assertThat(invalidField("mobile_no=9876543210&password=%E2%82", FORM)).isEqualTo(CardPortalRequest.BODY);
    }

    @Test
    void mobileNoIsOneToTenDigitsThatMakeAMobileNumber() {
        assertThat(valid("mobile_no=1&password=x", FORM).mobile()).isEqualTo("1");
        for (String mobileNo : new String[] {"", "98765432101", "+919876543", "98765%2043", "987654321a", "0", "%D9%A1"}) {
            assertThat(invalidField("mobile_no=" + mobileNo + "&password=x", FORM)).as(mobileNo).isEqualTo(CardPortalRequest.MOBILE_NO);
        }
        assertThat(invalidField("password=x", FORM)).isEqualTo(CardPortalRequest.MOBILE_NO);
        assertThat(invalidField("", FORM)).isEqualTo(CardPortalRequest.MOBILE_NO);
    }

    @Test
    void passwordIsOneToTwentyCharacters() {
        assertThat(valid("mobile_no=9876543210&password=" + "x".repeat(20), FORM).password()).hasSize(20);
        // Twenty characters, forty UTF-16 units: the document counts characters.
        assertThat(valid("mobile_no=9876543210&password=" + "%F0%9F%98%80".repeat(20), FORM).password()).hasSize(40);
        assertThat(invalidField("mobile_no=9876543210&password=" + "x".repeat(21), FORM)).isEqualTo(CardPortalRequest.PASSWORD);
        assertThat(invalidField("mobile_no=9876543210&password=", FORM)).isEqualTo(CardPortalRequest.PASSWORD);
        assertThat(invalidField("mobile_no=9876543210&password=+++", FORM)).isEqualTo(CardPortalRequest.PASSWORD);
        assertThat(invalidField("mobile_no=9876543210", FORM)).isEqualTo(CardPortalRequest.PASSWORD);
        assertThat(invalidField("{\"mobile_no\": \"9876543210\", \"password\": {\"x\": 1}}", "application/json"))
                .isEqualTo(CardPortalRequest.PASSWORD);
    }

    @Test
    void neverPrintsThePassword() {
        assertThat(valid("mobile_no=9876543210&password=hunter2", FORM).toString()).doesNotContain("hunter2");
    }
}
