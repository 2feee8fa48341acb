package com.fintechlogin.keycloak.api.pindevice;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fintechlogin.keycloak.api.fault.CallerFault;
import com.fintechlogin.keycloak.api.fault.CallerFaultAnswer;
import com.fintechlogin.keycloak.keys.RealmRsaKeys;
import com.fintechlogin.keycloak.login.FailureReason;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * The PIN/device login's public-key API, {@code GET /onboarding/user/v1/public-key}: the realm's active RSA encryption key,
 * with its key id as {@code keyRef}, for apps to encrypt device ids (mode-2 login) with RSA-OAEP-256.
 */
public final class PublicKeyEndpoint implements CallerFaultAnswer {

    private static final Logger LOG = Logger.getLogger(PublicKeyEndpoint.class);

    private final KeycloakSession session;

    public PublicKeyEndpoint(KeycloakSession session) {
        this.session = session;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response publicKey() {
        RealmModel realm = session.getContext().getRealm();
        return new RealmRsaKeys(session, realm).active()
                .map(key -> {
                    Map<String, Object> data = new LinkedHashMap<>();
                    data.put("keyRef", key.getKid());
                    data.put("publicKey", Base64.getEncoder().encodeToString(key.getPublicKey().getEncoded()));
                    data.put("algorithm", RealmRsaKeys.ALGORITHM);
                    return PinDeviceAnswers.success(data);
                })
                .orElseGet(() -> {
                    LOG.warnf("Realm '%s' has no active RSA encryption key for %s: add one (Realm settings → Keys → "
                            + "Providers → rsa-enc-generated, algorithm %s)", realm.getName(), RealmRsaKeys.ALGORITHM, RealmRsaKeys.ALGORITHM);
                    return PinDeviceAnswers.failure(FailureReason.NOT_CONFIGURED, null);
                });
    }

    /** The key takes no input: a GET gets the key whatever came with it; other methods are refused as always. */
    @Override
    public Response answerFault(CallerFault fault, boolean record) {
        return HttpMethod.GET.equals(session.getContext().getHttpRequest().getHttpMethod()) ? publicKey() : post();
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response post() {
        return PinDeviceAnswers.failure(FailureReason.WRONG_METHOD, null);
    }

    @PUT
    @Produces(MediaType.APPLICATION_JSON)
    public Response put() {
        return PinDeviceAnswers.failure(FailureReason.WRONG_METHOD, null);
    }

    @DELETE
    @Produces(MediaType.APPLICATION_JSON)
    public Response delete() {
        return PinDeviceAnswers.failure(FailureReason.WRONG_METHOD, null);
    }
}
