package com.fintechlogin.keycloak.admin;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fintechlogin.keycloak.device.DeviceCredentialModel;
import com.fintechlogin.keycloak.limit.AttemptStatus;

import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * What the admin endpoints answer, written here rather than by Keycloak's JSON provider: that one leaves out null
 * fields, and {@code "lockedUntil": null} is part of the documented shape.
 */
final class AdminViews {

    private static final CacheControl NO_STORE = CacheControl.valueOf("no-store");
    private static final ObjectMapper WRITER = new ObjectMapper();

    private AdminViews() {
    }

    /**
     * {@code {"configured", "failures", "locked", "lockedUntil", "untilAdminUnlock", "lockouts"}}. {@code lockedUntil}
     * is the epoch millis a temporary lock ends, null when there is none or only an admin can lift it; {@code lockouts}
     * the consecutive locks since the last right PIN or unlock, which decide when a lock lasts until an admin unlocks.
     */
    static Map<String, Object> pinStatus(boolean configured, AttemptStatus status) {
        boolean untilAdminUnlock = status.untilAdminUnlock();
        boolean temporary = status.locked() && !untilAdminUnlock && status.lockedUntil() != AttemptStatus.NOT_LOCKED;
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("configured", configured);
        view.put("failures", status.failures());
        view.put("locked", status.locked());
        view.put("lockedUntil", temporary ? status.lockedUntil() : null);
        view.put("untilAdminUnlock", untilAdminUnlock);
        view.put("lockouts", status.lockouts());
        return view;
    }

    /**
     * {@code {"id", "fingerprint", "hasKey", "simBindingEnabled", "createdDate"}}; {@code id} is the credential id. The
     * device id itself is never shown: it is kept only as a keyed hash, and would let whoever reads it log in as
     * the device.
     */
    static Map<String, Object> device(DeviceCredentialModel device, String fingerprint) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", device.getId());
        view.put("fingerprint", fingerprint);
        view.put("hasKey", device.publicKey() != null);
        view.put("simBindingEnabled", device.simBindingEnabled());
        view.put("createdDate", device.getCreatedDate());
        return view;
    }

    /** HTTP 200 with {@code body} as JSON, never cached (it tells who is locked and which devices exist). */
    static Response ok(Object body) {
        return Response.ok(write(body), MediaType.APPLICATION_JSON_TYPE).cacheControl(NO_STORE).build();
    }

    static String write(Object body) {
        try {
            return WRITER.writeValueAsString(body);
        } catch (JsonProcessingException impossible) {
            // Maps and lists of strings, numbers and booleans always serialize.
            throw new IllegalStateException(impossible);
        }
    }
}
