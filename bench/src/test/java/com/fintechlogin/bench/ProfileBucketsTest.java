package com.fintechlogin.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ProfileBucketsTest {

    private static final List<String> REQUEST = List.of(
            "com.fintechlogin.keycloak.login.LoginService.login",
            "com.fintechlogin.keycloak.api.ApiEndpoint$$Lambda.0x1.apply",
            "com.fintechlogin.keycloak.api.ApiEndpoint.post",
            "org.jboss.resteasy.reactive.server.handlers.InvocationHandler.handle",
            "io.vertx.core.impl.ContextImpl.run");

    @Test
    void theDatabaseWorkOfTheAttemptLimiterIsTheExtensionsAndThatOfAUserLookupKeycloaks() {
        ProfileBuckets.Bucket limiter = ProfileBuckets.classify(stack(
                "org.postgresql.core.v3.QueryExecutorImpl.execute",
                "org.hibernate.query.sqm.internal.QuerySqmImpl.executeUpdate",
                "com.fintechlogin.keycloak.limit.AttemptStore.reserve",
                "com.fintechlogin.keycloak.limit.LimitedCheck.run",
                "com.fintechlogin.keycloak.pin.PinLoginStep.authenticate",
                "org.keycloak.authentication.DefaultAuthenticationFlow.processFlow"));
        ProfileBuckets.Bucket lookup = ProfileBuckets.classify(stack(
                "org.postgresql.core.v3.QueryExecutorImpl.execute",
                "org.hibernate.loader.ast.internal.SingleIdLoadPlan.load",
                "org.keycloak.models.jpa.JpaUserProvider.searchForUserStream",
                "com.fintechlogin.keycloak.identify.AccountNumberStep.authenticate",
                "org.keycloak.authentication.DefaultAuthenticationFlow.processFlow"));

        assertThat(limiter).isEqualTo(new ProfileBuckets.Bucket("database (JDBC, Hibernate, transactions)", "extension",
                "AttemptStore.reserve"));
        assertThat(lookup).isEqualTo(new ProfileBuckets.Bucket("database (JDBC, Hibernate, transactions)", "Keycloak",
                "JpaUserProvider.searchForUserStream"));
    }

    @Test
    void theTokenSignatureIsKeycloaksEvenWhenTheExtensionAskedForTheTokens() {
        ProfileBuckets.Bucket signing = ProfileBuckets.classify(stack(
                "sun.security.rsa.RSACore.crtCrypt",
                "sun.security.rsa.RSASignature.engineSign",
                "java.security.Signature$Delegate.engineSign",
                "java.security.Signature.sign",
                "org.keycloak.crypto.AsymmetricSignatureSignerContext.sign",
                "org.keycloak.protocol.oidc.TokenManager$AccessTokenResponseBuilder.build",
                "com.fintechlogin.keycloak.login.LoginService.issue"));

        assertThat(signing).isEqualTo(new ProfileBuckets.Bucket("RSA signature (token signing)", "Keycloak",
                "AsymmetricSignatureSignerContext.sign"));
    }

    @Test
    void theDevicesRsaDecryptionIsTheExtensionsAndAStepWithoutWorkIsItsStep() {
        ProfileBuckets.Bucket decryption = ProfileBuckets.classify(stack(
                "sun.security.rsa.RSACore.crtCrypt",
                "javax.crypto.Cipher.doFinal",
                "com.fintechlogin.keycloak.keys.RealmRsaKeys.decrypt",
                "com.fintechlogin.keycloak.device.DeviceLoginStep.authenticate"));
        ProfileBuckets.Bucket step = ProfileBuckets.classify(stack(
                "java.util.HashMap.get",
                "com.fintechlogin.keycloak.limit.AttemptPolicy.of",
                "com.fintechlogin.keycloak.pin.PinLoginStep.authenticate"));

        assertThat(decryption).isEqualTo(new ProfileBuckets.Bucket("RSA or AES decryption", "extension", "RealmRsaKeys.decrypt"));
        assertThat(step).as("the limiter, inside the PIN step").isEqualTo(new ProfileBuckets.Bucket("attempt limiter",
                "extension", "AttemptPolicy.of"));
    }

    @Test
    void keycloaksWrappersAreSkippedWhenNamingWhoAskedForTheWork() {
        ProfileBuckets.Bucket hash = ProfileBuckets.classify(stack(
                "org.bouncycastle.crypto.generators.Argon2BytesGenerator.fillMemoryBlocks",
                "org.keycloak.tracing.NoopTracingProvider.trace",
                "org.keycloak.credential.PasswordCredentialProvider.isValid",
                "com.fintechlogin.keycloak.password.PasswordCheck.verify"));
        ProfileBuckets.Bucket commit = ProfileBuckets.classify(List.of(
                "org.hibernate.engine.spi.ActionQueue.executeActions",
                "org.keycloak.connections.jpa.JpaKeycloakTransaction.commit",
                "org.keycloak.transaction.JtaTransactionWrapper.commit",
                "org.keycloak.services.DefaultKeycloakTransactionManager.commit",
                "org.keycloak.quarkus.runtime.integration.web.TransactionalSessionHandler.handle",
                "io.vertx.core.impl.ContextImpl.run"));

        assertThat(hash).isEqualTo(new ProfileBuckets.Bucket("password hash", "Keycloak", "PasswordCredentialProvider.isValid"));
        assertThat(commit).as("the request's commit, once the endpoint has returned").isEqualTo(new ProfileBuckets.Bucket(
                "database (JDBC, Hibernate, transactions)", "Keycloak", "DefaultKeycloakTransactionManager.commit"));
    }

    @Test
    void aSampleOutsideEveryRuleIsTheServers() {
        ProfileBuckets.Bucket io = ProfileBuckets.classify(List.of("sun.nio.ch.EPoll.wait", "io.netty.channel.epoll.EpollEventLoop.run"));

        assertThat(io).isEqualTo(new ProfileBuckets.Bucket("HTTP server, RESTEasy, Quarkus, JDK", "server", "EPoll.wait"));
    }

    private static List<String> stack(String... innerFrames) {
        List<String> frames = new java.util.ArrayList<>(List.of(innerFrames));
        frames.addAll(REQUEST);
        return frames;
    }
}
