package com.fintechlogin.keycloak.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.testframework.events.Events;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * What an attacker does to an attempt limit — many wrong guesses at once — and what an admin does about it, for
 * the limit tests of every API. Evaluations are counted from the events' reasons, never from timing:
 * {@code invalid_credentials} is a credential that was evaluated and wrong; a {@code *_locked} reason is one that
 * was refused unevaluated.
 */
public final class Guessing {

    public static final int GUESSES = 50;
    public static final int LIMIT = 5;
    private static final int THREADS = 25;

    private Guessing() {
    }

    /** Sends {@code count} requests from {@value #THREADS} threads at once and returns every answer. */
    public static <A> List<A> inParallel(int count, IntFunction<A> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Callable<A>> calls = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int guess = i;
                calls.add(() -> request.apply(guess));
            }
            List<A> answers = new ArrayList<>();
            for (Future<A> answer : pool.invokeAll(calls)) {
                answers.add(answer.get());
            }
            return answers;
        } finally {
            pool.shutdown();
        }
    }

    /** The reasons of the user's LOGIN_ERROR events among those not yet polled. */
    public static List<String> loginErrorReasons(Events events, String userId) {
        List<String> reasons = new ArrayList<>();
        for (EventRepresentation event = events.poll(); event != null; event = events.poll()) {
            if ("LOGIN_ERROR".equals(event.getType()) && userId.equals(event.getUserId())) {
                reasons.add(event.getDetails() == null ? null : event.getDetails().get("reason"));
            }
        }
        return reasons;
    }

    /**
     * Asserts the limit held: between 1 and {@value #LIMIT} of the guesses were evaluated, every other one was
     * refused as locked, and nothing else happened to them.
     */
    public static void assertAtMostTheLimitEvaluated(List<String> reasons, int guesses) {
        long evaluated = reasons.stream().filter("invalid_credentials"::equals).count();
        long refused = reasons.stream().filter(reason -> reason != null && reason.endsWith("_locked")).count();
        assertThat(evaluated).as("credentials evaluated out of %d parallel guesses", guesses).isBetween(1L, (long) LIMIT);
        assertThat(refused).as("guesses refused as locked without evaluation").isEqualTo(guesses - evaluated);
    }

    /**
     * Unlocks the user the way an admin does in the admin console: Keycloak's attack-detection endpoint. Keycloak
     * announces an unlock only when it holds a record of the user's failures (its last failure's time), which it writes
     * asynchronously where locks are account-wide, so wait for one.
     */
    public static void unlockThroughAttackDetection(ManagedRealm realm, String userId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            Map<String, Object> status = realm.admin().attackDetection().bruteForceUserStatus(userId);
            if (((Number) status.get("lastFailure")).longValue() > 0) {
                realm.admin().attackDetection().clearBruteForceForUser(userId);
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Keycloak recorded no failure of user " + userId + " within 15 s");
    }
}
