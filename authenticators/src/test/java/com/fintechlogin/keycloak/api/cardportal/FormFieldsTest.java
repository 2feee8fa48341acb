package com.fintechlogin.keycloak.api.cardportal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

class FormFieldsTest {

    private static Map<String, String> parse(String body) {
        return FormFields.parse(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsWhatCurlsDataUrlencodeSendsForTheDocumentsSample() {
        assertThat(parse("mobile_no=9XXXXXX978&password=Apswd%401234"))
                .containsExactly(Map.entry("mobile_no", "9XXXXXX978"), Map.entry("password", "Apswd@1234"));
    }

    @Test
    void decodesPlusPercentEscapesAndUtf8() {
        assertThat(parse("a=b+c&d=%2B%26%3D%25&e=%C3%BC%E2%82%AC&f=ü"))
                .containsEntry("a", "b c")
                .containsEntry("d", "+&=%")
                .containsEntry("e", "ü€")
                .containsEntry("f", "ü");
    }

    @Test
    void valuesMayContainEqualsSignsAndBeEmpty() {
        assertThat(parse("a=x=y&b=&c")).containsEntry("a", "x=y").containsEntry("b", "").containsEntry("c", "");
    }

    @Test
    void emptySegmentsAreSkipped() {
        assertThat(parse("")).isEmpty();
        assertThat(parse("&a=1&&b=2&")).containsExactly(Map.entry("a", "1"), Map.entry("b", "2"));
    }

    @Test
    void aFieldNamedTwiceIsMalformed() {
        assertThat(parse("mobile_no=1&password=x&mobile_no=2")).isNull();
        assertThat(parse("a=1&%61=2")).as("the same name once decoded").isNull();
    }

    @Test
    void badEscapesAreMalformed() {
        assertThat(parse("a=%")).isNull();
        assertThat(parse("a=%4")).isNull();
        assertThat(parse("a=%4G")).isNull();
        assertThat(parse("a=%%41")).isNull();
        assertThat(parse("%zz=1")).isNull();
    }

    @Test
    void bytesThatAreNotUtf8AreMalformed() {
        assertThat(parse("a=%C3%28")).isNull();
        assertThat(parse("a=%FF")).isNull();
        assertThat(FormFields.parse(new byte[] {'a', '=', (byte) 0xC3, (byte) 0x28})).isNull();
    }
}
