package com.fintechlogin.keycloak.api.partner;

import java.util.List;
import java.util.Map;

import com.fintechlogin.keycloak.api.http.ApiEndpoint;
import com.fintechlogin.keycloak.api.http.Headers;
import com.fintechlogin.keycloak.identify.UserNameIdentifierStepFactory;
import com.fintechlogin.keycloak.json.Parsed;
import com.fintechlogin.keycloak.keys.RealmRsaKeys;
import com.fintechlogin.keycloak.login.DirectGrantFlows;
import com.fintechlogin.keycloak.login.FailureReason;
import com.fintechlogin.keycloak.login.FlowInputs;
import com.fintechlogin.keycloak.login.LoginOutcome;
import com.fintechlogin.keycloak.login.LoginService;
import com.fintechlogin.keycloak.password.PasswordStepFactory;
import com.fintechlogin.keycloak.partner.EncryptedRequest;
import com.fintechlogin.keycloak.partner.EncryptedRequestCheck;
import com.fintechlogin.keycloak.partner.PartnerLogin;
import com.fintechlogin.keycloak.partner.PartnerRoleStepFactory;
import com.fintechlogin.keycloak.partner.PartnerSettings;
import com.fintechlogin.keycloak.partner.PayloadRefusal;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Partner login, {@code POST /getToken}: a partner sends a user name and password encrypted under a fresh AES key, which
 * it wraps with the realm's RSA key and authenticates with an HMAC; the user gets an access token of the realm's
 * partner client.
 *
 * <p>The request is checked, single use included, before the flow runs ({@link EncryptedRequestCheck}), so that a
 * forged or replayed request never reaches the password or brute-force detection. The flow (the partner client's
 * direct-grant flow) finds the user by user name, checks the password with Keycloak's own credential and insists
 * on the partner role.
 */
public final class PartnerLoginEndpoint extends ApiEndpoint {

    static final String KEY_VALUE_HEADER = "keyValue";
    static final String KEY_REF_HEADER = "keyRef";
    static final String IV_VALUE_HEADER = "ivValue";
    static final String HMAC_HEADER = "hmac";

    /**
     * Far above any valid value (an RSA-4096 {@code keyValue} is 684 characters), so that a wrong-sized value is
     * judged by the decryption, in its uniform answer, rather than read as missing.
     */
    static final int MAX_HEADER_LENGTH = 8192;
    /** Keycloak key ids are far shorter. */
    static final int MAX_KEY_REF_LENGTH = 255;

    private static final List<String> FLOW_STEPS = List.of(UserNameIdentifierStepFactory.PROVIDER_ID,
            PasswordStepFactory.PROVIDER_ID, PartnerRoleStepFactory.PROVIDER_ID);

    private static final Logger LOG = Logger.getLogger(PartnerLoginEndpoint.class);

    public PartnerLoginEndpoint(KeycloakSession session) {
        super(session, "partner-login");
    }

    @Override
    protected Response login(HttpHeaders headers, byte[] body, EventBuilder event) {
        RealmModel realm = session.getContext().getRealm();
        PartnerSettings settings = PartnerSettings.of(realm);
        event.client(settings.clientId());

        // In the order of the document's code table: FPDR4001 to FPDR4004.
        Parsed<PartnerRequest, String> parsed = PartnerRequest.parse(body);
        if (parsed instanceof Parsed.Invalid<PartnerRequest, String> invalid) {
            return refuse(event, FailureReason.MALFORMED_REQUEST, invalid.problem());
        }
        String hmac = Headers.value(headers, HMAC_HEADER, MAX_HEADER_LENGTH);
        if (hmac == null) {
            return refuse(event, FailureReason.MALFORMED_REQUEST, HMAC_HEADER);
        }
        String keyValue = Headers.value(headers, KEY_VALUE_HEADER, MAX_HEADER_LENGTH);
        if (keyValue == null) {
            return refuse(event, FailureReason.MALFORMED_REQUEST, KEY_VALUE_HEADER);
        }
        String ivValue = Headers.value(headers, IV_VALUE_HEADER, MAX_HEADER_LENGTH);
        if (ivValue == null) {
            return refuse(event, FailureReason.MALFORMED_REQUEST, IV_VALUE_HEADER);
        }
        String keyRef = Headers.value(headers, KEY_REF_HEADER, MAX_KEY_REF_LENGTH);
        if (keyRef == null && isSent(headers, KEY_REF_HEADER)) {
            // Repeated or overlong: it names no key, and must not silently become "the active key".
            return refuse(event, PayloadRefusal.UNKNOWN_KEY);
        }

        ClientModel client = configuredClient(realm, settings.clientId(), "the partner login API", PartnerSettings.CLIENT_ID_ATTRIBUTE);
        if (client == null) {
            return refuse(event, FailureReason.NOT_CONFIGURED);
        }
        // Before the payload check, which spends the keyValue: a request that cannot be served must not.
        if (!servesPartners(realm, client, settings)) {
            return refuse(event, FailureReason.NOT_CONFIGURED);
        }

        String encryptData = ((Parsed.Valid<PartnerRequest, String>) parsed).value().encryptData();
        EncryptedRequestCheck.Outcome checked = EncryptedRequestCheck.of(session, realm)
                .check(realm.getId(), settings, new EncryptedRequest(keyValue, keyRef, ivValue, hmac, encryptData));
        if (checked instanceof EncryptedRequestCheck.Refused refused) {
            warnIfNoKey(realm, refused.refusal());
            return refuse(event, refused.refusal());
        }
        PartnerLogin login = ((EncryptedRequestCheck.Accepted) checked).login();

        LoginOutcome outcome = new LoginService(session).login(client,
                Map.of(FlowInputs.IDENTIFIER, login.userName(), FlowInputs.PASSWORD, login.password()), event);
        if (outcome instanceof LoginOutcome.Success success) {
            return PartnerAnswers.success(success.accessToken(), login.userName());
        }
        return answer(((LoginOutcome.Failure) outcome).reason(), null);
    }

    @Override
    protected Response answer(FailureReason reason, String field) {
        return PartnerAnswers.failure(reason, field);
    }

    /** Records which check of the encrypted request failed beside the project's reason, and answers it. */
    private Response refuse(EventBuilder event, PayloadRefusal refusal) {
        event.detail(PayloadRefusal.EVENT_DETAIL, refusal.detail());
        return refuse(event, refusal.reason(), refusal.field());
    }

    private static boolean isSent(HttpHeaders headers, String name) {
        List<String> values = headers.getRequestHeader(name);
        return values != null && values.stream().anyMatch(value -> !value.isBlank());
    }

    /**
     * The partner client's flow must find the user by user name, check the password and insist on the partner role,
     * and the role must exist: without them the flow would sign in whoever the payload names, or nobody.
     */
    private static boolean servesPartners(RealmModel realm, ClientModel client, PartnerSettings settings) {
        List<String> missing = FLOW_STEPS.stream().filter(step -> !DirectGrantFlows.hasStep(realm, client, step)).toList();
        if (!missing.isEmpty()) {
            LOG.warnf("Realm '%s': the partner login API refuses requests: the direct-grant flow of client '%s' lacks"
                    + " the step(s) %s", realm.getName(), client.getClientId(), missing);
            return false;
        }
        if (realm.getRole(settings.role()) == null) {
            LOG.warnf("Realm '%s': the partner login API refuses requests: there is no realm role '%s' (realm"
                    + " attribute %s)", realm.getName(), settings.role(), PartnerSettings.ROLE_ATTRIBUTE);
            return false;
        }
        return true;
    }

    /** A realm without an RSA-OAEP-256 key is an admin's to fix: every request fails to decrypt until then. */
    private void warnIfNoKey(RealmModel realm, PayloadRefusal refusal) {
        if (refusal == PayloadRefusal.UNKNOWN_KEY && new RealmRsaKeys(session, realm).active().isEmpty()) {
            LOG.warnf("Realm '%s' has no active RSA encryption key for %s: partner requests cannot be decrypted"
                            + " (Realm settings → Keys → Providers → rsa-enc-generated, algorithm %s)",
                    realm.getName(), RealmRsaKeys.ALGORITHM, RealmRsaKeys.ALGORITHM);
        }
    }
}
