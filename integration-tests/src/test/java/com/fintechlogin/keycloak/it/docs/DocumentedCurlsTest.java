package com.fintechlogin.keycloak.it.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fintechlogin.keycloak.it.support.DemoRealm;
import com.fintechlogin.keycloak.it.support.FintechServerConfig;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * Every curl of README.md and of the guides under {@code docs/} runs verbatim, with bash and curl, against the demo
 * realm and answers what its document says it answers — so the documented examples cannot go stale. So do the example
 * requests {@code ./run.sh} prints ({@code demo/demo-requests.sh}). See {@link DocumentedCurls} for how an
 * example is marked.
 */
@KeycloakIntegrationTest(config = FintechServerConfig.class)
class DocumentedCurlsTest {

    /** The demo user a documented example sets a PIN for; it has none in the realm JSON. */
    private static final String PIN_EXAMPLE_USER = DemoRealm.DEMO_EMAIL;

    @InjectRealm(fromJson = DemoRealm.JSON, lifecycle = LifeCycle.GLOBAL)
    ManagedRealm realm;

    @Test
    void documentedExamplesAddressTheTestServersDemoRealm() {
        assertThat(realm.getBaseUrl()).as("the realm the documented curls reach").isEqualTo(DocumentedCurls.DEMO_REALM_URL);
    }

    @Test
    void everyCurlOfTheDocumentsIsAMarkedExample() {
        DocumentedCurls.Documentation documentation = DocumentedCurls.read();

        assertThat(documentation.unmarkedCurlBlocks())
                .as("sh blocks with curl but no DocumentedCurlsTest marker (file:line)").isEmpty();
        assertThat(documentation.examples()).as("marked examples").hasSizeGreaterThanOrEqualTo(10);
    }

    @TestFactory
    Stream<DynamicTest> eachDocumentedCurlAnswersAsDocumented() {
        keepDemoUserWithoutPinAfterwards();
        return DocumentedCurls.read().examples().stream()
                .map(example -> DynamicTest.dynamicTest(example.toString(), () -> assertAnswersAsDocumented(example)));
    }

    @Test
    void exampleRequestsTheRunCommandPrintsAllSucceed() throws Exception {
        String script = Files.readString(CurlScript.REPOSITORY.resolve("demo").resolve("demo-requests.sh"));

        CurlScript.Run run = CurlScript.run(script, Map.of("BASE", "http://localhost:8080"));

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.statuses()).as(run.describe()).isNotEmpty().allMatch("200"::equals);
    }

    private static void assertAnswersAsDocumented(DocumentedCurls.Example example) {
        CurlScript.Run run = CurlScript.run(example.script(), Map.of());
        // Surefire's report names a dynamic test by its index only: each message says which example it is.
        String where = example + ": ";

        assertThat(run.exitCode()).as(where + "bash's exit code; " + run.describe()).isZero();
        assertThat(run.statusesBeforeTheLast()).as(where + "requests before the last (tokens, keys); " + run.describe())
                .allMatch(status -> status.startsWith("2"));
        assertThat(run.lastStatus()).as(where + "HTTP status of the last request; " + run.describe())
                .isEqualTo(Integer.toString(example.expectedStatus()));
        if (example.expectedBodyPart() != null) {
            assertThat(run.stdout()).as(where + "what the example prints").contains(example.expectedBodyPart());
        }
    }

    /**
     * The PIN example sets a PIN for the demo user (a second run changes it to the same PIN). The realm is shared by
     * every test class, so the user leaves as the realm JSON made it: without a PIN.
     */
    private void keepDemoUserWithoutPinAfterwards() {
        List<UserRepresentation> found = realm.admin().users().searchByEmail(PIN_EXAMPLE_USER, true);
        assertThat(found).as("demo user %s", PIN_EXAMPLE_USER).hasSize(1);
        String userId = found.get(0).getId();
        boolean hadPin = realm.admin().users().get(userId).credentials().stream().anyMatch(c -> "pin".equals(c.getType()));
        if (hadPin) {
            return;
        }
        realm.cleanup().add(r -> {
            UserResource user = r.users().get(userId);
            user.credentials().stream()
                    .filter(credential -> "pin".equals(credential.getType()))
                    .map(CredentialRepresentation::getId)
                    .forEach(user::removeCredential);
        });
    }
}
