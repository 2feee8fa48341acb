package com.fintechlogin.keycloak.api.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import jakarta.ws.rs.WebApplicationException;

import org.junit.jupiter.api.Test;

class CallerFaultTest {

    /** A failure as if thrown at these frames (class name, method), innermost first. */
    private static <T extends Throwable> T thrownAt(T failure, String... classesAndMethods) {
        StackTraceElement[] frames = new StackTraceElement[classesAndMethods.length / 2];
        for (int i = 0; i < frames.length; i++) {
            frames[i] = new StackTraceElement(classesAndMethods[2 * i], classesAndMethods[2 * i + 1], null, -1);
        }
        failure.setStackTrace(frames);
        return failure;
    }

    private static final String FORM_PARSER = "org.jboss.resteasy.reactive.server.core.multipart.FormEncodedDataDefinition$FormEncodedDataParser";
    private static final String MULTIPART_PARSER = "org.jboss.resteasy.reactive.server.core.multipart.MultiPartParserDefinition$MultiPartUploadHandler";
    private static final String MEDIA_TYPE_PARSER = "org.jboss.resteasy.reactive.common.headers.MediaTypeHeaderDelegate";
    private static final String RESPONSE_FILTERS = "org.jboss.resteasy.reactive.server.handlers.ResourceResponseFilterHandler";

    @Test
    void aBadPercentEscapeInAFormBodyIsAMalformedBody() {
        IllegalArgumentException failure = thrownAt(new IllegalArgumentException("Failed to decode"),
                "org.jboss.resteasy.reactive.common.util.URLUtils", "decode", FORM_PARSER, "doParse");

        assertThat(CallerFault.of(failure)).contains(CallerFault.MALFORMED_BODY);
        assertThat(CallerFault.afterTheEndpoint(failure)).isFalse();
    }

    @Test
    void aMultipartBodyThatIsNotOneIsAMalformedBody() {
        IOException failure = thrownAt(new IOException("Connection terminated parsing multipart request"), MULTIPART_PARSER, "parseBlocking");

        assertThat(CallerFault.of(failure)).contains(CallerFault.MALFORMED_BODY);
    }

    @Test
    void aFormFieldOverTheParsersLimitIsABodyTooLarge() {
        WebApplicationException failure = thrownAt(new WebApplicationException(413), FORM_PARSER, "doParse");

        assertThat(CallerFault.of(failure)).contains(CallerFault.BODY_TOO_LARGE);
    }

    @Test
    void anUnparseableContentTypeReadByTheResponseFilterComesAfterTheEndpoint() {
        IllegalArgumentException failure = thrownAt(new IllegalArgumentException("Failed to parse media type garbage"),
                MEDIA_TYPE_PARSER, "internalParse", "org.keycloak.services.filters.KeycloakSecurityHeadersFilter", "filter",
                RESPONSE_FILTERS, "handle");

        assertThat(CallerFault.of(failure)).contains(CallerFault.UNPARSEABLE_CONTENT_TYPE);
        assertThat(CallerFault.afterTheEndpoint(failure)).isTrue();
    }

    @Test
    void anyOtherFailureStaysTheServersOwn() {
        assertThat(CallerFault.of(thrownAt(new IllegalArgumentException("a bug"), "com.fintechlogin.keycloak.pin.PinHasher", "hash"))).isEmpty();
        assertThat(CallerFault.of(thrownAt(new WebApplicationException(404), "org.keycloak.services.resources.RealmsResource", "realm"))).isEmpty();
        assertThat(CallerFault.of(thrownAt(new IOException("disk"), "org.keycloak.theme.FolderTheme", "getTemplate"))).isEmpty();
    }
}
