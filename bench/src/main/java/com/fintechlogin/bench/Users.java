package com.fintechlogin.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's users, all in the import form of Keycloak's admin API. Three kinds: <em>worker</em> users for the
 * password-based scenarios, {@value #USERS_PER_WORKER} per load worker, which a worker takes in turn (Keycloak's own
 * password grant refuses a login of a user while that user's previous login is still being recorded by its
 * brute-force detector, even one by one), and a <em>population</em> the mobile and PIN scenarios pick from at
 * random, so their lookups range over all the users seeded; and the soak's <em>refused</em> users, whom only its mix
 * of expected failures calls ({@link FailureMix}), with wrong credentials, so that no lock of theirs ever touches the
 * success load. Mobile numbers and account numbers use prefixes the integration tests never generate.
 */
final class Users {

    static final String PASSWORD = "Bench-Pass-2026!";
    static final String PIN = "2580";
    static final int USERS_PER_WORKER = 4;
    /** Refused users of each credential, taken in turn: each one's counter fills over several rounds of the mix. */
    static final int REFUSED_PER_CREDENTIAL = 3;
    /** What the failure mix sends instead of the refused users' password and PIN. */
    static final String WRONG_PASSWORD = "Not-The-Bench-Pass-1!";
    static final String WRONG_PIN = "1357";

    private Users() {
    }

    record Worker(String username, String email, String mobile, String accountNumber, String deviceId) {
    }

    /** The worker user that worker {@code worker} of {@code workers} logs in for its {@code sequence}-th request. */
    static Worker worker(int worker, int workers, long sequence) {
        return worker((int) (worker + (long) workers * (sequence % USERS_PER_WORKER)));
    }

    static Worker worker(int index) {
        String tag = String.format("%03d", index);
        return new Worker("bench-worker-" + tag, "bench-worker-" + tag + "@bench.example",
                "4" + String.format("%09d", index), "9" + String.format("%011d", index), "bench-worker-device-" + tag);
    }

    /** A user of the failure mix: the password ones get wrong passwords, the PIN ones wrong PINs. */
    record Refused(String username, String email, String mobile, String accountNumber, String deviceId) {
    }

    static Refused refusedPasswordUser(int index) {
        return refused("password", index, index);
    }

    static Refused refusedPinUser(int index) {
        return refused("pin", index, 100 + index);
    }

    private static Refused refused(String credential, int index, int number) {
        String username = String.format("bench-refused-%s-%03d", credential, index);
        return new Refused(username, username + "@bench.example", "2" + String.format("%09d", number),
                "6" + String.format("%011d", number), "bench-refused-device-" + number);
    }

    /** A mobile number no user of the benchmark (nor of the integration tests) has. */
    static String unknownMobile(long sequence) {
        return "3" + String.format("%09d", Math.floorMod(sequence, 1_000_000_000L));
    }

    static String populationMobile(int index) {
        return "5" + String.format("%09d", index);
    }

    static String populationAccountNumber(int index) {
        return "8" + String.format("%011d", index);
    }

    static String populationDeviceId(int index) {
        return "bench-device-" + index;
    }

    /** A partial-import body adding the worker users of {@code workers} workers, with the partner role the partner login needs. */
    static Map<String, Object> workersImport(int workers) {
        List<Object> users = new ArrayList<>();
        for (int i = 0; i < workers * USERS_PER_WORKER; i++) {
            Worker worker = worker(i);
            Map<String, Object> user = user(worker.username(), worker.mobile(), worker.accountNumber(), worker.deviceId());
            user.put("email", worker.email());
            user.put("realmRoles", List.of("partner"));
            List<Object> credentials = new ArrayList<>();
            credentials.add(Map.of("type", "password", "value", PASSWORD, "temporary", false));
            credentials.addAll(pinAndDevice(worker.deviceId()));
            user.put("credentials", credentials);
            users.add(user);
        }
        return partialImport(users);
    }

    /** A partial-import body adding the refused users, each with a password, a PIN and a device, like any user. */
    static Map<String, Object> refusedImport() {
        List<Object> users = new ArrayList<>();
        for (int i = 0; i < REFUSED_PER_CREDENTIAL; i++) {
            for (Refused refused : List.of(refusedPasswordUser(i), refusedPinUser(i))) {
                Map<String, Object> user = user(refused.username(), refused.mobile(), refused.accountNumber(), refused.deviceId());
                user.put("email", refused.email());
                List<Object> credentials = new ArrayList<>();
                credentials.add(Map.of("type", "password", "value", PASSWORD, "temporary", false));
                credentials.addAll(pinAndDevice(refused.deviceId()));
                user.put("credentials", credentials);
                users.add(user);
            }
        }
        return partialImport(users);
    }

    /** A partial-import body adding population users {@code from..to-1}. */
    static Map<String, Object> populationImport(int from, int to) {
        List<Object> users = new ArrayList<>();
        for (int i = from; i < to; i++) {
            String username = String.format("bench-user-%06d", i);
            Map<String, Object> user = user(username, populationMobile(i), populationAccountNumber(i), populationDeviceId(i));
            user.put("email", username + "@bench.example");
            user.put("credentials", pinAndDevice(populationDeviceId(i)));
            users.add(user);
        }
        return partialImport(users);
    }

    private static Map<String, Object> user(String username, String mobile, String accountNumber, String deviceId) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("username", username);
        user.put("enabled", true);
        user.put("firstName", "Bench");
        user.put("lastName", username);
        // A complete profile (email included), or Keycloak's "verify profile" action would stop every login.
        user.put("emailVerified", true);
        user.put("attributes", Map.of("mobile", List.of(mobile), "accountNumber", List.of(accountNumber)));
        return user;
    }

    /** The PIN in its import form (hashed with the realm's pepper on import) and one registered device. */
    private static List<Object> pinAndDevice(String deviceId) {
        return List.of(
                Map.of("type", "pin", "secretData", "{\"value\":\"" + PIN + "\"}", "credentialData", "{}"),
                Map.of("type", "device", "userLabel", deviceId, "secretData", "{}",
                        "credentialData", "{\"deviceId\":\"" + deviceId + "\",\"simBindingEnabled\":true}"));
    }

    private static Map<String, Object> partialImport(List<Object> users) {
        return Map.of("ifResourceExists", "SKIP", "users", users);
    }
}
