package com.fintechlogin.keycloak.it.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fintechlogin.keycloak.it.support.DemoRealm;
import com.fintechlogin.keycloak.it.support.DemoRealm.TestUser;
import com.fintechlogin.keycloak.it.support.FintechServerConfig;
import com.fintechlogin.keycloak.it.support.Logins;

import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RealmRepresentation.BruteForceStrategy;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * Someone who knows a customer's email guesses the password on the email/password API as fast as the locks allow:
 * they send wrong passwords back to back and wait out each lock. Keycloak's own account lock, which the realm's
 * brute-force settings describe, grew with every lock and let one guess through per lock once the failure factor was
 * reached; the password's lock must do the same, or waiting out a flat lock leaves the whole failure factor of
 * guesses every wait increment (7,200 a day on the demo realm instead of about 100). The settings are shortened and
 * set through the admin API, as an admin would: failure factor 3, wait increment 2 s, max wait 5 s.
 *
 * <p>Times are measured between the answers the attacker gets; a lock starts on the server while the answer that set it
 * is on its way, hence the half-second margin below each expected length, and the polling adds a little above it.
 */
@KeycloakIntegrationTest(config = FintechServerConfig.class)
class PasswordLockGrowthTest {

    private static final int FAILURE_FACTOR = 3;
    private static final int WAIT_INCREMENT_SECONDS = 2;
    private static final int MAX_WAIT_SECONDS = 5;
    private static final Duration BELOW = Duration.ofMillis(500);
    private static final Duration ABOVE = Duration.ofMillis(1_500);
    private static final Duration POLL = Duration.ofMillis(50);

    @InjectRealm(fromJson = DemoRealm.JSON, lifecycle = LifeCycle.GLOBAL)
    ManagedRealm realm;

    private Logins logins() {
        return new Logins(realm);
    }

    /** The realm's brute-force detection with short waits, as an admin sets it; restored afterwards. */
    private void bruteForce(int failureFactor, BruteForceStrategy strategy) {
        RealmRepresentation before = realm.admin().toRepresentation();
        RealmRepresentation rep = realm.admin().toRepresentation();
        rep.setBruteForceProtected(true);
        rep.setPermanentLockout(false);
        rep.setFailureFactor(failureFactor);
        rep.setWaitIncrementSeconds(WAIT_INCREMENT_SECONDS);
        rep.setMaxFailureWaitSeconds(MAX_WAIT_SECONDS);
        rep.setBruteForceStrategy(strategy);
        realm.admin().update(rep);
        realm.cleanup().add(r -> {
            RealmRepresentation restored = r.toRepresentation();
            restored.setBruteForceProtected(before.isBruteForceProtected());
            restored.setPermanentLockout(before.isPermanentLockout());
            restored.setFailureFactor(before.getFailureFactor());
            restored.setWaitIncrementSeconds(before.getWaitIncrementSeconds());
            restored.setMaxFailureWaitSeconds(before.getMaxFailureWaitSeconds());
            restored.setBruteForceStrategy(before.getBruteForceStrategy());
            r.update(restored);
        });
    }

    /** Wrong passwords back to back, as fast as they are answered: each must be evaluated (401); when the last one was. */
    private long wrongPasswords(TestUser user, int count) {
        for (int i = 0; i < count; i++) {
            assertThat(logins().emailPassword(user.email(), "wrong-" + i).status()).as("wrong password %d", i + 1).isEqualTo(401);
        }
        return System.nanoTime();
    }

    /**
     * The attacker sends wrong passwords until one is evaluated again: refused unevaluated (423) while the lock lasts,
     * wrong (401) once it has ended. How long the lock lasted, counted from {@code since}; bounded by {@code expected}
     * plus a margin.
     */
    private Duration nextEvaluatedWrongPassword(TestUser user, long since, Duration expected) throws InterruptedException {
        long deadline = since + expected.plus(ABOVE).plusSeconds(3).toNanos();
        int sent = 0;
        while (System.nanoTime() < deadline) {
            int status = logins().emailPassword(user.email(), "wrong-again-" + sent++).status();
            if (status == 401) {
                return Duration.ofNanos(System.nanoTime() - since);
            }
            assertThat(status).as("a wrong password while locked").isEqualTo(423);
            Thread.sleep(POLL.toMillis());
        }
        return fail("No wrong password was evaluated within %s of the last one", expected.plus(ABOVE).plusSeconds(3));
    }

    /** The customer tries the right password until it is let in; how long that took from {@code since}. */
    private Duration rightPasswordOnceTheLockEnds(TestUser user, long since, Duration bound) throws InterruptedException {
        long deadline = since + bound.toNanos();
        while (System.nanoTime() < deadline) {
            int status = logins().emailPassword(user.email(), user.password()).status();
            if (status == 200) {
                return Duration.ofNanos(System.nanoTime() - since);
            }
            assertThat(status).as("the right password while locked").isEqualTo(423);
            Thread.sleep(POLL.toMillis());
        }
        return fail("The right password was not let in within %s", bound);
    }

    private static void assertLasted(Duration lasted, Duration expected, String lock) {
        assertThat(lasted).as("%s: expected about %s", lock, expected)
                .isBetween(expected.minus(BELOW), expected.plus(ABOVE));
    }

    @Test
    void eachLockAfterTheFirstLastsAWaitIncrementLongerUpToTheMaxWaitAndTheRightPasswordStartsAgain() throws Exception {
        bruteForce(FAILURE_FACTOR, BruteForceStrategy.LINEAR);
        TestUser user = DemoRealm.newUser(realm);

        long locked = wrongPasswords(user, FAILURE_FACTOR);
        assertThat(logins().emailPassword(user.email(), user.password()).status()).as("the right password, locked").isEqualTo(423);

        // Keycloak's linear strategy: failure n (n >= 3) locks for 2 s × (1 + n − 3), at most 5 s.
        List<Duration> lasted = new ArrayList<>();
        for (Duration expected : List.of(Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(5), Duration.ofSeconds(5))) {
            Duration lock = nextEvaluatedWrongPassword(user, locked, expected);
            locked = System.nanoTime();
            lasted.add(lock);
            assertLasted(lock, expected, "lock " + lasted.size() + " " + lasted);
        }

        Duration untilLetIn = rightPasswordOnceTheLockEnds(user, locked, Duration.ofSeconds(MAX_WAIT_SECONDS).plus(ABOVE).plusSeconds(3));
        assertLasted(untilLetIn, Duration.ofSeconds(MAX_WAIT_SECONDS), "the right password, refused until the last lock ended");

        long again = wrongPasswords(user, FAILURE_FACTOR);
        assertLasted(nextEvaluatedWrongPassword(user, again, Duration.ofSeconds(2)), Duration.ofSeconds(2),
                "after the right password, the first lock's length again");
    }

    @Test
    void keycloaksDefaultStrategyLengthensTheLockEveryFailureFactorLocks() throws Exception {
        // The demo realm's strategy (Keycloak's default): failure n (n >= 2) locks for 2 s × ⌊n / 2⌋, at most 5 s.
        bruteForce(2, BruteForceStrategy.MULTIPLE);
        TestUser user = DemoRealm.newUser(realm);

        long locked = wrongPasswords(user, 2);
        List<Duration> lasted = new ArrayList<>();
        for (Duration expected : List.of(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(4))) {
            Duration lock = nextEvaluatedWrongPassword(user, locked, expected);
            locked = System.nanoTime();
            lasted.add(lock);
            assertLasted(lock, expected, "lock " + lasted.size() + " " + lasted);
        }
    }
}
