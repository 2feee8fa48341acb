package com.fintechlogin.keycloak.it.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fintechlogin.keycloak.it.support.DemoRealm;
import com.fintechlogin.keycloak.it.support.FintechServerConfig;
import com.fintechlogin.keycloak.it.support.Http;
import com.fintechlogin.keycloak.it.support.Logins;

import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * A phone that sends its logins twice (a double tap, a retry after a timeout) or two apps of one customer signing in
 * together: the first logins of a device — the first ever, which rewrites a device stored before ids were hashed, and
 * the first of each day, which records when it was last used — all succeed. They once raced on the device's
 * credential row and the losers got Keycloak's HTTP 500 (its optimistic lock on the row).
 */
@KeycloakIntegrationTest(config = FintechServerConfig.class)
class SameDeviceAtOnceTest {

    private static final String PIN = "2580";
    private static final int AT_ONCE = 8;
    private static final int CUSTOMERS = 4;

    @InjectRealm(fromJson = DemoRealm.JSON, lifecycle = LifeCycle.GLOBAL)
    ManagedRealm realm;

    @Test
    void aDevicesFirstLoginsSentAtOnceAllSucceed() throws Exception {
        Logins logins = new Logins(realm);
        List<String> answers = new ArrayList<>();
        for (int customer = 0; customer < CUSTOMERS; customer++) {
            String accountNumber = DemoRealm.freshAccountNumber();
            String device = "anid:at-once-" + customer + "-" + accountNumber;
            DemoRealm.newUser(realm, Map.of("accountNumber", List.of(accountNumber)),
                    List.of(DemoRealm.pin(PIN), DemoRealm.device(device, false)));
            List<Callable<Http.Answer>> sameDevice = new ArrayList<>();
            for (int i = 0; i < AT_ONCE; i++) {
                sameDevice.add(i % 2 == 0 ? () -> logins.pinLogin(accountNumber, PIN, device)
                        : () -> logins.deviceLogin(accountNumber, device));
            }
            for (Http.Answer answer : atOnce(sameDevice)) {
                answers.add(answer.status() + " " + answer.body());
            }
        }

        assertThat(answers).hasSize(CUSTOMERS * AT_ONCE)
                .allSatisfy(answer -> assertThat(answer).startsWith("200 ").contains("\"ONB200\""));
    }

    private static List<Http.Answer> atOnce(List<Callable<Http.Answer>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Http.Answer>> pending = new ArrayList<>();
            for (Callable<Http.Answer> call : calls) {
                pending.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<Http.Answer> answers = new ArrayList<>();
            for (Future<Http.Answer> answer : pending) {
                answers.add(answer.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
