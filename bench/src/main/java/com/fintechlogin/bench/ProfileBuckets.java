package com.fintechlogin.bench;

import java.util.List;

/**
 * Sorts a server's stack samples into what the time was spent on, each sample into exactly one bucket, so that the
 * shares add up to 100 % and an API and its baseline can be compared line by line. A sample goes to the first rule,
 * in the order below, that any frame of its stack matches: the work itself first (a password hash, an RSA signature or
 * decryption, the database, JSON), then the step it was done for, innermost first (the attempt limiter inside the PIN
 * step, the PIN step inside the authentication flow). For the work rules, whose code asked for the work is the
 * innermost frame of the extension or of Keycloak above it: so the database time of the attempt limiter and of
 * Keycloak's user lookup land in two lines, the one the extension can change and the one it cannot.
 */
final class ProfileBuckets {

    /** Where one sample's time went. */
    record Bucket(String activity, String owner, String frame) {
    }

    static final String EXTENSION = "extension";
    static final String KEYCLOAK = "Keycloak";
    static final String OTHER = "server";

    /** A rule: frames starting with any of the prefixes; owner {@code null} means "whoever called it". */
    private record Rule(String activity, String owner, List<String> prefixes) {

        boolean matches(String frame) {
            for (String prefix : prefixes) {
                if (frame.startsWith(prefix)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static final List<Rule> RULES = List.of(
            new Rule("password hash", null, List.of("org.keycloak.credential.hash.", "org.bouncycastle.crypto.generators.Argon2")),
            new Rule("RSA signature (token signing)", null, List.of("java.security.Signature.", "sun.security.rsa.RSASignature")),
            new Rule("RSA or AES decryption", null, List.of("javax.crypto.Cipher.")),
            new Rule("HMAC", null, List.of("javax.crypto.Mac.")),
            new Rule("SHA-256", null, List.of("java.security.MessageDigest.")),
            new Rule("database (JDBC, Hibernate, transactions)", null, List.of("org.hibernate.", "org.postgresql.",
                    "io.agroal.", "org.h2.", "com.arjuna.", "io.quarkus.narayana.", "jakarta.transaction.")),
            new Rule("Infinispan caches", null, List.of("org.infinispan.", "org.jgroups.")),
            new Rule("JSON", null, List.of("com.fasterxml.jackson.")),
            new Rule("attempt limiter", EXTENSION, List.of("com.fintechlogin.keycloak.limit.")),
            new Rule("PIN step", EXTENSION, List.of("com.fintechlogin.keycloak.pin.")),
            new Rule("device step", EXTENSION, List.of("com.fintechlogin.keycloak.device.", "com.fintechlogin.keycloak.keys.")),
            new Rule("finding the user", EXTENSION, List.of("com.fintechlogin.keycloak.identify.")),
            new Rule("app token check", EXTENSION, List.of("com.fintechlogin.keycloak.app.")),
            new Rule("partner payload or card-portal checksum", EXTENSION, List.of("com.fintechlogin.keycloak.partner.",
                    "com.fintechlogin.keycloak.cardportal.")),
            new Rule("password step", EXTENSION, List.of("com.fintechlogin.keycloak.password.")),
            new Rule("events", KEYCLOAK, List.of("org.keycloak.events.")),
            new Rule("user and client sessions", KEYCLOAK, List.of("org.keycloak.services.managers.UserSessionManager",
                    "org.keycloak.services.managers.AuthenticationSessionManager", "org.keycloak.models.session.",
                    "org.keycloak.models.sessions.", "org.keycloak.sessions.")),
            new Rule("token building", KEYCLOAK, List.of("org.keycloak.protocol.oidc.TokenManager",
                    "org.keycloak.protocol.oidc.mappers.", "org.keycloak.protocol.ProtocolMapperUtils")),
            new Rule("users, clients and realms (Keycloak's stores and caches)", KEYCLOAK, List.of("org.keycloak.models.jpa.",
                    "org.keycloak.models.cache.", "org.keycloak.storage.", "org.keycloak.models.utils.")),
            new Rule("authentication flow", KEYCLOAK, List.of("org.keycloak.authentication.")),
            new Rule("the extension's endpoint, request and answer", EXTENSION, List.of("com.fintechlogin.")),
            new Rule("Keycloak's token endpoint and other", KEYCLOAK, List.of("org.keycloak.")));

    private ProfileBuckets() {
    }

    /** The bucket of one sample, its frames as {@code package.Class.method}, the running one first. */
    static Bucket classify(List<String> leafFirst) {
        for (Rule rule : RULES) {
            for (int i = 0; i < leafFirst.size(); i++) {
                if (rule.matches(leafFirst.get(i))) {
                    if (rule.owner() != null) {
                        return new Bucket(rule.activity(), rule.owner(), shortName(leafFirst.get(i)));
                    }
                    return calledBy(rule.activity(), leafFirst, i);
                }
            }
        }
        return new Bucket("HTTP server, RESTEasy, Quarkus, JDK", OTHER, shortName(leafFirst.isEmpty() ? "" : leafFirst.get(0)));
    }

    /**
     * The work bucket, owned by the innermost frame of the extension or Keycloak at or above frame {@code at} that is not
     * a wrapper; a commit at the end of the request, which only Keycloak's transaction frames stand for, is Keycloak's.
     */
    private static Bucket calledBy(String activity, List<String> leafFirst, int at) {
        for (int i = at; i < leafFirst.size(); i++) {
            String frame = leafFirst.get(i);
            if (isGenerated(frame)) {
                continue;
            }
            if (frame.startsWith("com.fintechlogin.")) {
                return new Bucket(activity, EXTENSION, shortName(frame));
            }
            if (frame.startsWith("org.keycloak.")) {
                return new Bucket(activity, KEYCLOAK, shortName(frame));
            }
        }
        for (int i = at; i < leafFirst.size(); i++) {
            if (leafFirst.get(i).startsWith("org.keycloak.")) {
                return new Bucket(activity, KEYCLOAK, shortName(leafFirst.get(i)));
            }
        }
        return new Bucket(activity, OTHER, shortName(leafFirst.get(at)));
    }

    /**
     * Frames that name no one who asked for the work: lambdas and the REST layer's generated invokers (nothing a reader
     * finds in the source), and Keycloak's wrappers around every call (tracing, the JPA proxy, the transaction).
     */
    private static boolean isGenerated(String frame) {
        return frame.contains("$$Lambda") || frame.contains("$quarkusrestinvoker$") || frame.contains(".lambda$")
                || frame.startsWith("org.keycloak.tracing.") || frame.startsWith("org.keycloak.connections.jpa.")
                || frame.startsWith("org.keycloak.transaction.") || frame.startsWith("org.keycloak.quarkus.runtime.transaction.");
    }

    /** {@code com.example.pkg.Outer$Inner.method} as {@code Outer$Inner.method}. */
    static String shortName(String frame) {
        int method = frame.lastIndexOf('.');
        int type = method > 0 ? frame.lastIndexOf('.', method - 1) : -1;
        return type >= 0 ? frame.substring(type + 1) : frame;
    }
}
