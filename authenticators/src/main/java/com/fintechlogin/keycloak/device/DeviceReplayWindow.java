package com.fintechlogin.keycloak.device;

import org.keycloak.models.RealmModel;

/**
 * How long a used mode-2 ciphertext is remembered (realm attribute {@value #ATTRIBUTE}, default 7 days, at most
 * 30). The
 * documented scheme carries no timestamp or nonce, so a ciphertext older than this could be replayed while its
 * key exists: rotate the realm's encryption key more often than this window.
 */
public final class DeviceReplayWindow {

    public static final String ATTRIBUTE = "fintech.device.replay-window-seconds";
    public static final long DEFAULT_SECONDS = 7L * 24 * 3600;
    /** Markers live in every node's memory: a window longer than this is taken as this. */
    public static final long MAX_SECONDS = 30L * 24 * 3600;

    private DeviceReplayWindow() {
    }

    static long seconds(RealmModel realm) {
        String value = realm.getAttribute(ATTRIBUTE);
        if (value != null && value.strip().matches("[1-9][0-9]{0,9}")) {
            return Math.min(Long.parseLong(value.strip()), MAX_SECONDS);
        }
        return DEFAULT_SECONDS;
    }
}
