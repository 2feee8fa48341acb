package com.fintechlogin.keycloak.it.cluster;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fintechlogin.keycloak.it.support.Http;

/**
 * A steady login load on both nodes (seed 004, one user per worker, each worker alternating between the nodes),
 * which can be told that node A is gone, so that from then on every login goes to node B.
 */
final class LoginLoad {

    /** One login: where it went, whether node A was already known to be gone, and what came back. */
    record Login(String node, boolean afterKill, int status, String token, String failure, long millis) {

        boolean ok() {
            return status == 200;
        }
    }

    private final FintechApi a;
    private final FintechApi b;
    private final List<ClusterAdmin.User> users;
    private final List<Login> logins = Collections.synchronizedList(new ArrayList<>());
    private final AtomicBoolean aGone = new AtomicBoolean();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final List<Future<?>> running = new ArrayList<>();
    private ExecutorService workers;

    LoginLoad(FintechApi a, FintechApi b, List<ClusterAdmin.User> users) {
        this.a = a;
        this.b = b;
        this.users = users;
    }

    void start() {
        workers = Executors.newFixedThreadPool(users.size());
        for (int w = 0; w < users.size(); w++) {
            ClusterAdmin.User user = users.get(w);
            int offset = w;
            running.add(workers.submit(() -> {
                for (long i = offset; !stop.get(); i++) {
                    boolean afterKill = aGone.get();
                    FintechApi target = afterKill || i % 2 == 1 ? b : a;
                    logins.add(login(target, user, afterKill));
                }
            }));
        }
    }

    /** From now on every login goes to node B. */
    void nodeAGone() {
        aGone.set(true);
    }

    /** Successful logins so far on the node. */
    long okOn(String node) {
        synchronized (logins) {
            return logins.stream().filter(login -> login.ok() && login.node().equals(node)).count();
        }
    }

    /** Stops the workers, lets running logins finish, and returns every login. */
    List<Login> stop() throws InterruptedException {
        stop.set(true);
        workers.shutdown();
        if (!workers.awaitTermination(90, TimeUnit.SECONDS)) {
            throw new AssertionError("The login load did not stop within 90 s");
        }
        for (Future<?> worker : running) {
            try {
                worker.get();
            } catch (ExecutionException e) {
                throw new AssertionError("A load worker failed: " + e.getCause(), e.getCause());
            }
        }
        synchronized (logins) {
            return List.copyOf(logins);
        }
    }

    private static Login login(FintechApi node, ClusterAdmin.User user, boolean afterKill) {
        long started = System.nanoTime();
        try {
            Http.Answer answer = node.userLogin(user.email(), user.password());
            String token = answer.status() == 200 ? answer.json().at("/responseData/token").asText() : null;
            return new Login(node.node(), afterKill, answer.status(), token, answer.status() == 200 ? null : answer.body(), millisSince(started));
        } catch (UncheckedIOException e) {
            // No answer at all: refused or reset connection, as when the node was killed while or before it was called.
            return new Login(node.node(), afterKill, 0, null, String.valueOf(e.getCause()), millisSince(started));
        }
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
