package com.fintechlogin.realmtool;

/** Keycloak's file vault: the secret of key {@code k} in realm {@code r} is the file {@code r_k}, underscores doubled. */
final class VaultFiles {

    private VaultFiles() {
    }

    static String fileName(String realm, String key) {
        return realm.replace("_", "__") + "_" + key.replace("_", "__");
    }
}
