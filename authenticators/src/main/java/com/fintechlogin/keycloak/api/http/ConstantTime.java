package com.fintechlogin.keycloak.api.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Comparisons of secrets and tokens that take the same time wherever they differ. */
public final class ConstantTime {

    private ConstantTime() {
    }

    public static boolean equal(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
