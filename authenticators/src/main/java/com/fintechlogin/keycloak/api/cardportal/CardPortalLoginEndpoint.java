package com.fintechlogin.keycloak.api.cardportal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fintechlogin.keycloak.api.http.ApiEndpoint;
import com.fintechlogin.keycloak.api.http.AppHeaders;
import com.fintechlogin.keycloak.api.http.Headers;
import com.fintechlogin.keycloak.api.http.RequestBodies;
import com.fintechlogin.keycloak.cardportal.ChecksumRefusal;
import com.fintechlogin.keycloak.cardportal.ChecksumSettings;
import com.fintechlogin.keycloak.cardportal.ChecksumVerifier;
import com.fintechlogin.keycloak.cardportal.SignedRequest;
import com.fintechlogin.keycloak.cardportal.SignedRequestCheck;
import com.fintechlogin.keycloak.identify.MobileIdentifierStepFactory;
import com.fintechlogin.keycloak.json.Parsed;
import com.fintechlogin.keycloak.login.DirectGrantFlows;
import com.fintechlogin.keycloak.login.FailureReason;
import com.fintechlogin.keycloak.login.FlowInputs;
import com.fintechlogin.keycloak.login.LoginOutcome;
import com.fintechlogin.keycloak.login.LoginService;
import com.fintechlogin.keycloak.password.PasswordStepFactory;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Card portal login, {@code POST /airpay/ms/cards/api/user-login}: a card-portal affiliate signs a user's mobile number and
 * password with its processor key and a checksum; the user gets an access token of the affiliate's client.
 *
 * <p>The affiliate's request is checked here, before the flow runs, so that a forged or replayed request never
 * reaches the password or brute-force detection. The flow (the affiliate client's direct-grant flow) finds the user
 * by mobile number and checks the password with Keycloak's own credential.
 */
public final class CardPortalLoginEndpoint extends ApiEndpoint {

    static final String AFFILIATE_HEADER = "affiliate";
    static final String PROCESSOR_KEY_HEADER = "processor-key";
    static final String CHECKSUM_HEADER = "checksum";
    /** The fields the API's checksum concatenates by default, for the settings endpoint's check of an affiliate's order. */
    public static final List<String> CHECKSUMMED_FIELDS = CardPortalRequest.CHECKSUMMED_FIELDS;

    private static final Logger LOG = Logger.getLogger(CardPortalLoginEndpoint.class);

    public CardPortalLoginEndpoint(KeycloakSession session) {
        super(session, "card-portal-login");
    }

    @Override
    protected Response login(HttpHeaders headers, byte[] body, EventBuilder event) {
        String clientId = Headers.value(headers, AFFILIATE_HEADER, AppHeaders.MAX_CLIENT_ID_LENGTH);
        if (clientId == null) {
            return refuse(event, FailureReason.MALFORMED_REQUEST, AFFILIATE_HEADER);
        }
        event.client(clientId);
        String processorKey = Headers.value(headers, PROCESSOR_KEY_HEADER, AppHeaders.MAX_SECRET_LENGTH);
        if (processorKey == null) {
            return refuse(event, FailureReason.MALFORMED_REQUEST, PROCESSOR_KEY_HEADER);
        }
        String checksum = Headers.value(headers, CHECKSUM_HEADER, ChecksumVerifier.HEX_LENGTH);
        if (!ChecksumVerifier.isWellFormed(checksum)) {
            return refuse(event, FailureReason.MALFORMED_REQUEST, CHECKSUM_HEADER);
        }
        Parsed<CardPortalRequest, String> parsed = CardPortalRequest.parse(body, RequestBodies.contentType(headers));
        if (parsed instanceof Parsed.Invalid<CardPortalRequest, String> invalid) {
            return refuse(event, FailureReason.MALFORMED_REQUEST, invalid.problem());
        }
        CardPortalRequest request = ((Parsed.Valid<CardPortalRequest, String>) parsed).value();
        event.detail(Details.USERNAME, request.mobile());

        RealmModel realm = session.getContext().getRealm();
        ClientModel client = enabledClient(realm, clientId);
        if (client == null) {
            return refuse(event, ChecksumRefusal.UNKNOWN_AFFILIATE);
        }
        ChecksumSettings.Read read = ChecksumSettings.of(client, CHECKSUMMED_FIELDS);
        if (read instanceof ChecksumSettings.NotAnAffiliate) {
            return refuse(event, ChecksumRefusal.NOT_AN_AFFILIATE);
        }
        if (read instanceof ChecksumSettings.Misconfigured) {
            return refuse(event, ChecksumRefusal.MISCONFIGURED);
        }
        ChecksumSettings settings = ((ChecksumSettings.Configured) read).settings();
        // Before the checksum, whose check may spend a single-use marker: a request that cannot be served must not.
        if (!hasMobilePasswordFlow(realm, client)) {
            return refuse(event, FailureReason.NOT_CONFIGURED);
        }
        Optional<ChecksumRefusal> refusal = SignedRequestCheck.of(session).check(realm.getId(), client.getClientId(), settings,
                new SignedRequest(processorKey, checksum, request.checksummedValues(), request.timestamp()));
        if (refusal.isPresent()) {
            warnIfUnavailable(realm, client, refusal.get());
            return refuse(event, refusal.get());
        }

        LoginOutcome outcome = new LoginService(session).login(client,
                Map.of(FlowInputs.IDENTIFIER, request.mobile(), FlowInputs.PASSWORD, request.password()), event);
        if (outcome instanceof LoginOutcome.Success success) {
            return CardPortalAnswers.success(success.accessToken());
        }
        return answer(((LoginOutcome.Failure) outcome).reason(), null);
    }

    @Override
    protected Response answer(FailureReason reason, String field) {
        return CardPortalAnswers.failure(reason);
    }

    /** Records which check of the signed request failed beside the project's reason, and answers it. */
    private Response refuse(EventBuilder event, ChecksumRefusal refusal) {
        event.detail(ChecksumRefusal.EVENT_DETAIL, refusal.detail());
        return refuse(event, refusal.reason(), refusal.field());
    }

    /**
     * This API hands the flow a password: the affiliate's flow must find the user by mobile number and check that
     * password. Without the password step the flow would sign users in on the affiliate's word alone.
     */
    private static boolean hasMobilePasswordFlow(RealmModel realm, ClientModel client) {
        if (DirectGrantFlows.hasStep(realm, client, MobileIdentifierStepFactory.PROVIDER_ID)
                && DirectGrantFlows.hasStep(realm, client, PasswordStepFactory.PROVIDER_ID)) {
            return true;
        }
        LOG.warnf("Realm '%s': affiliate client '%s' called the card-portal login API, but its direct-grant flow lacks the"
                        + " '%s' or the '%s' step", realm.getName(), client.getClientId(),
                MobileIdentifierStepFactory.PROVIDER_ID, PasswordStepFactory.PROVIDER_ID);
        return false;
    }

    /** A missing vault entry is an admin's to fix: say which attribute names it, never its value. */
    private static void warnIfUnavailable(RealmModel realm, ClientModel client, ChecksumRefusal refusal) {
        String attribute = switch (refusal) {
            case PROCESSOR_KEY_UNAVAILABLE -> ChecksumSettings.PROCESSOR_KEY_ATTRIBUTE;
            case SECRET_UNAVAILABLE -> ChecksumSettings.SECRET_ATTRIBUTE;
            default -> null;
        };
        if (attribute != null) {
            LOG.warnf("Realm '%s': requests of affiliate client '%s' are refused: the vault has no entry for its attribute %s",
                    realm.getName(), client.getClientId(), attribute);
        }
    }
}
