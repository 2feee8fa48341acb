package com.fintechlogin.keycloak.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;

class LenientJsonTest {

    private static ObjectNode parse(String json) {
        return LenientJson.parseObject(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void acceptsTheTrailingCommaOfTheDocumentedSamples() {
        assertThat(parse("{\"token\": \"t\", \"mobile\": \"9876543210\",}")).isNotNull();
    }

    @Test
    void readsNumbersWhereStringsAreDescribed() {
        ObjectNode json = parse("{\"mobile\": 9876543210, \"mode\": 1}");

        assertThat(LenientJson.text(json, "mobile", 15)).isEqualTo("9876543210");
        assertThat(LenientJson.text(json, "mode", 1)).isEqualTo("1");
    }

    @Test
    void refusesDuplicateKeysBecauseEitherValueCouldBeMeant() {
        assertThat(parse("{\"a\": \"1\", \"a\": \"2\"}")).isNull();
    }

    @Test
    void refusesAnythingButOneObject() {
        assertThat(parse("[]")).isNull();
        assertThat(parse("\"text\"")).isNull();
        assertThat(parse("{} {}")).isNull();
        assertThat(parse("{\"a\": ")).isNull();
        assertThat(LenientJson.parseObject(new byte[0])).isNull();
        assertThat(LenientJson.parseObject(null)).isNull();
    }

    @Test
    void refusesDeepNestingWithoutBlowingTheStack() {
        String deep = "{\"a\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}";

        assertThat(parse(deep)).isNull();
    }

    @Test
    void refusesInvalidUtf8() {
        byte[] invalid = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};

        assertThat(LenientJson.parseObject(invalid)).isNull();
    }

    @Test
    void textIsAbsentForMissingNullStructuredBlankOrTooLongValues() {
        ObjectNode json = parse("{\"n\": null, \"o\": {}, \"a\": [], \"b\": \"  \", \"long\": \"abcdef\", \"ok\": \"abc\"}");

        assertThat(LenientJson.text(json, "missing", 10)).isNull();
        assertThat(LenientJson.text(json, "n", 10)).isNull();
        assertThat(LenientJson.text(json, "o", 10)).isNull();
        assertThat(LenientJson.text(json, "a", 10)).isNull();
        assertThat(LenientJson.text(json, "b", 10)).isNull();
        assertThat(LenientJson.text(json, "long", 5)).isNull();
        assertThat(LenientJson.text(json, "ok", 3)).isEqualTo("abc");
    }
}
