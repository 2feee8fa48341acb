package com.fintechlogin.keycloak.api.partner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import com.fintechlogin.keycloak.json.Parsed;

import org.junit.jupiter.api.Test;

class PartnerRequestTest {

    private static Parsed<PartnerRequest, String> parse(String body) {
        return PartnerRequest.parse(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsEncryptDataExactlyAsSent() {
        assertThat(parse("{\"encryptData\": \"pv1S+Id0/Ca8Y==\"}")).isEqualTo(new Parsed.Valid<>(new PartnerRequest("pv1S+Id0/Ca8Y==")));
        assertThat(parse("{\"encryptData\": \" pv1S \"}")).as("no trimming: the HMAC is over the value")
                .isEqualTo(new Parsed.Valid<>(new PartnerRequest(" pv1S ")));
        // A JSON string is what it decodes to: PHP's json_encode writes "/" as "\/".
        assertThat(parse("{\"encryptData\": \"a\\/b\"}")).isEqualTo(new Parsed.Valid<>(new PartnerRequest("a/b")));
    }

    @Test
    void isAsLenientAsEveryBodyOfTheProject() {
        assertThat(parse("{\"encryptData\": \"abc\",}")).isEqualTo(new Parsed.Valid<>(new PartnerRequest("abc")));
        assertThat(parse("{\"encryptData\": \"abc\", \"other\": 1}")).isEqualTo(new Parsed.Valid<>(new PartnerRequest("abc")));
    }

    @Test
    void aBodyThatIsNotOneJsonObjectIsMalformed() {
        // The document's sample: the object, then a line of text and a stray brace.
        String sample = "{\n  \"encryptData\": \"pv1SuId0Ca8Y\"\n}\n\n*** Get Token from above api and need to pass the same token to other apies.***\n}\n";

        for (String body : new String[] {sample, "", "not json", "[]", "{\"encryptData\": \"a\"} {\"encryptData\": \"b\"}",
                "{\"encryptData\": \"a\", \"encryptData\": \"b\"}"}) {
            assertThat(parse(body)).as(body).isEqualTo(new Parsed.Invalid<>(PartnerRequest.BODY));
        }
    }

    @Test
    void encryptDataMissingBlankOrNotAStringIsEmpty() {
        for (String body : new String[] {"{}", "{\"encryptData\": \"\"}", "{\"encryptData\": \"  \"}", "{\"encryptData\": null}",
                "{\"encryptData\": 12}", "{\"encryptData\": [\"a\"]}", "{\"EncryptData\": \"abc\"}"}) {
            assertThat(parse(body)).as(body).isEqualTo(new Parsed.Invalid<>(PartnerRequest.ENCRYPT_DATA));
        }
    }

    @Test
    void neverPrintsTheCiphertext() {
        assertThat(new PartnerRequest("pv1SuId0Ca8Y").toString()).doesNotContain("pv1SuId0Ca8Y");
    }
}
