package com.fintechlogin.keycloak.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import org.junit.jupiter.api.Test;

class RequestBodiesTest {

    @Test
    void readsABodyUpToTheLimit() throws IOException {
        byte[] body = new byte[RequestBodies.MAX_BODY_BYTES];

        assertThat(RequestBodies.readBounded(new ByteArrayInputStream(body))).hasSize(RequestBodies.MAX_BODY_BYTES);
    }

    @Test
    void refusesABodyOverTheLimit() throws IOException {
        byte[] body = new byte[RequestBodies.MAX_BODY_BYTES + 1];

        assertThat(RequestBodies.readBounded(new ByteArrayInputStream(body))).isNull();
    }

    @Test
    void readsAMissingBodyAsEmpty() throws IOException {
        assertThat(RequestBodies.readBounded(null)).isEmpty();
    }

    @Test
    void acceptsJsonMediaTypesInAnyCaseWithParametersOrNone() {
        assertThat(RequestBodies.isJsonOrUnspecified("application/json")).isTrue();
        assertThat(RequestBodies.isJsonOrUnspecified("Application/JSON; charset=UTF-8")).isTrue();
        assertThat(RequestBodies.isJsonOrUnspecified("application/vnd.partner+json")).isTrue();
        assertThat(RequestBodies.isJsonOrUnspecified(null)).isTrue();
        assertThat(RequestBodies.isJsonOrUnspecified("")).isTrue();
    }

    @Test
    void refusesOtherMediaTypes() {
        assertThat(RequestBodies.isJsonOrUnspecified("text/plain")).isFalse();
        assertThat(RequestBodies.isJsonOrUnspecified("application/x-www-form-urlencoded")).isFalse();
        assertThat(RequestBodies.isJsonOrUnspecified("multipart/form-data; boundary=x")).isFalse();
    }
}
