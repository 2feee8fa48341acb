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
    void acceptsJsonMediaTypesInAnyCaseWithParametersOrNoneOrCurlsDefault() {
        assertThat(RequestBodies.mayCarryJson("application/x-www-form-urlencoded")).as("curl --data-raw").isTrue();
        assertThat(RequestBodies.mayCarryJson("application/json")).isTrue();
        assertThat(RequestBodies.mayCarryJson("Application/JSON; charset=UTF-8")).isTrue();
        assertThat(RequestBodies.mayCarryJson("application/vnd.partner+json")).isTrue();
        assertThat(RequestBodies.mayCarryJson(null)).isTrue();
        assertThat(RequestBodies.mayCarryJson("")).isTrue();
    }

    @Test
    void refusesOtherMediaTypes() {
        assertThat(RequestBodies.mayCarryJson("text/plain")).isFalse();
        assertThat(RequestBodies.mayCarryJson("multipart/form-data; boundary=x")).isFalse();
    }
}
