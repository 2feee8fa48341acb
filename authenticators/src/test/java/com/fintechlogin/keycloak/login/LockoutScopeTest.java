package com.fintechlogin.keycloak.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.stream.Stream;

import com.fintechlogin.keycloak.limit.AttemptStatus;

import org.junit.jupiter.api.Test;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.AuthenticationFlowModel;
import org.keycloak.models.RealmModel;

/** What a lock closes, and how Keycloak's record is told: the realm switch and the record's lock end. */
class LockoutScopeTest {

    private static RealmModel realm(String accountWide) {
        return (RealmModel) Proxy.newProxyInstance(LockoutScopeTest.class.getClassLoader(), new Class<?>[] {RealmModel.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getAttribute" -> LockoutScope.ACCOUNT_WIDE_ATTRIBUTE.equals(args[0]) ? accountWide : null;
                    case "getName" -> "test";
                    default -> null;
                });
    }

    /** A realm with one flow of the given steps, brute-force detection on or off. */
    private static RealmModel realm(String accountWide, boolean bruteForceProtected, String... steps) {
        AuthenticationFlowModel flow = new AuthenticationFlowModel();
        flow.setId("flow");
        return (RealmModel) Proxy.newProxyInstance(LockoutScopeTest.class.getClassLoader(), new Class<?>[] {RealmModel.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getAttribute" -> LockoutScope.ACCOUNT_WIDE_ATTRIBUTE.equals(args[0]) ? accountWide : null;
                    case "getName" -> "test";
                    case "isBruteForceProtected" -> bruteForceProtected;
                    case "getAuthenticationFlowsStream" -> Stream.of(flow);
                    case "getAuthenticationExecutionsStream" -> Stream.of(steps).map(step -> {
                        AuthenticationExecutionModel execution = new AuthenticationExecutionModel();
                        execution.setAuthenticator(step);
                        return execution;
                    });
                    default -> null;
                });
    }

    @Test
    void keycloaksOwnPasswordsJoinThePasswordLimitInRealmsOfTheExtension() {
        assertThat(LockoutScope.keycloakPasswordsInTheLimiter(realm(null, true, "auth-cookie", "fintech-pin-form"))).isTrue();
        assertThat(LockoutScope.keycloakPasswordsInTheLimiter(realm(null, true, "auth-username-password-form")))
                .as("a realm without the extension's steps, like master").isFalse();
        assertThat(LockoutScope.keycloakPasswordsInTheLimiter(realm("true", true, "fintech-password")))
                .as("account-wide too: one password limit, Keycloak's detector fed besides").isTrue();
        assertThat(LockoutScope.keycloakPasswordsInTheLimiter(realm(null, false, "fintech-password")))
                .as("no brute-force detection, no limit").isFalse();
    }

    @Test
    void locksStayWithTheirCredentialUnlessTheRealmSaysAccountWide() {
        assertThat(LockoutScope.accountWide(realm(null))).isFalse();
        assertThat(LockoutScope.accountWide(realm(""))).isFalse();
        assertThat(LockoutScope.accountWide(realm("TRUE"))).isTrue();
        assertThat(LockoutScope.accountWide(realm(" false "))).isFalse();
        assertThat(LockoutScope.accountWide(realm("yes"))).as("a typo reads as the default").isFalse();
    }

    @Test
    void aRightPasswordIsRecordedWithoutKeycloaksCategoryOnlyWhereLocksStayWithTheirCredential() {
        assertThat(KeycloakBruteForce.flowCredentialType(realm(null), "password")).isNull();
        assertThat(KeycloakBruteForce.flowCredentialType(realm("true"), "password")).isEqualTo("password");
        assertThat(KeycloakBruteForce.flowCredentialType(realm(null), "pin")).isEqualTo("pin");
        assertThat(KeycloakBruteForce.flowCredentialType(realm(null), "device")).isEqualTo("device");
    }

    @Test
    void keycloaksRecordLocksUntilTheLimitersLockEndsRoundedUpToTheSecond() {
        assertThat(KeycloakBruteForce.notBefore(AttemptStatus.NOT_LOCKED)).isZero();
        assertThat(KeycloakBruteForce.notBefore(1_700_000_000_000L)).isEqualTo(1_700_000_000);
        assertThat(KeycloakBruteForce.notBefore(1_700_000_000_001L)).isEqualTo(1_700_000_001);
        assertThat(KeycloakBruteForce.notBefore(AttemptStatus.UNTIL_ADMIN_UNLOCK)).isEqualTo(Integer.MAX_VALUE);
    }
}
