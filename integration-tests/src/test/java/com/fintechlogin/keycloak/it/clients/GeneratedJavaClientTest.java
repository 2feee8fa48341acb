package com.fintechlogin.keycloak.it.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.security.SecureRandom;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fintechlogin.bench.ClientCrypto;
import com.fintechlogin.client.ApiClient;
import com.fintechlogin.client.ApiException;
import com.fintechlogin.client.api.AdminEndpointsPinsAndDevicesApi;
import com.fintechlogin.client.api.CardPortalLoginApi;
import com.fintechlogin.client.api.EmailPasswordLoginApi;
import com.fintechlogin.client.api.GetTokenApi;
import com.fintechlogin.client.api.MobileSignInApi;
import com.fintechlogin.client.api.PartnerLoginApi;
import com.fintechlogin.client.api.PinAndDeviceLoginApi;
import com.fintechlogin.client.api.TheSignedInUsersPinAndDeviceApi;
import com.fintechlogin.client.model.AdminPinRequest;
import com.fintechlogin.client.model.AdminPinStatus;
import com.fintechlogin.client.model.CardPortalFailure;
import com.fintechlogin.client.model.CardPortalSuccess;
import com.fintechlogin.client.model.CredentialUpdateFailure;
import com.fintechlogin.client.model.DeviceRegisteredSuccess;
import com.fintechlogin.client.model.DeviceRemovedSuccess;
import com.fintechlogin.client.model.FPDR4005;
import com.fintechlogin.client.model.GetTokenFailure;
import com.fintechlogin.client.model.GetTokenSuccess;
import com.fintechlogin.client.model.InvalidPassword;
import com.fintechlogin.client.model.KeycloakError;
import com.fintechlogin.client.model.LenientText;
import com.fintechlogin.client.model.MobileSignInFailure;
import com.fintechlogin.client.model.MobileSignInRequest;
import com.fintechlogin.client.model.MobileSignInRequestMobile;
import com.fintechlogin.client.model.MobileSignInSuccess;
import com.fintechlogin.client.model.ONB017;
import com.fintechlogin.client.model.ONB026;
import com.fintechlogin.client.model.ONB040;
import com.fintechlogin.client.model.OnboardingLoginFailure;
import com.fintechlogin.client.model.PartnerFailure;
import com.fintechlogin.client.model.PartnerRequest;
import com.fintechlogin.client.model.PartnerSuccess;
import com.fintechlogin.client.model.PinOrDeviceLoginRequest;
import com.fintechlogin.client.model.PinOrDeviceLoginRequestAuthType;
import com.fintechlogin.client.model.PinOrDeviceLoginRequestSignInMode;
import com.fintechlogin.client.model.PinOrDeviceLoginSuccess;
import com.fintechlogin.client.model.PinSetSuccess;
import com.fintechlogin.client.model.PublicKeySuccess;
import com.fintechlogin.client.model.RegisterDeviceRequest;
import com.fintechlogin.client.model.RegisterDeviceRequestDeviceId;
import com.fintechlogin.client.model.RemoveDeviceRequest;
import com.fintechlogin.client.model.SetPinRequest;
import com.fintechlogin.client.model.Unauthorized;
import com.fintechlogin.client.model.UserLoginFailure;
import com.fintechlogin.client.model.UserLoginRequest;
import com.fintechlogin.client.model.UserLoginSuccess;
import com.fintechlogin.client.model.UserNotFound;
import com.fintechlogin.keycloak.it.support.AppCrypto;
import com.fintechlogin.keycloak.it.support.DemoRealm;
import com.fintechlogin.keycloak.it.support.DemoRealm.TestUser;
import com.fintechlogin.keycloak.it.support.FintechServerConfig;
import com.fintechlogin.keycloak.it.support.Tokens;
import com.nimbusds.jwt.JWTClaimsSet;

import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * Every API through the Java client that openapi-generator makes from the OpenAPI document (integration-tests/pom.xml
 * generates it at build time): each success and a documented failure, read as the client's typed models — the
 * failure's body as the API's failure envelope, its row told apart by its code.
 */
@KeycloakIntegrationTest(config = FintechServerConfig.class)
class GeneratedJavaClientTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @InjectRealm(fromJson = DemoRealm.JSON, lifecycle = LifeCycle.GLOBAL)
    ManagedRealm realm;

    @InjectAdminClient
    Keycloak admin;

    /** The client as an app configures it: only its base URL, the realm's fintech URL. */
    private ApiClient client() {
        ApiClient client = new ApiClient();
        client.updateBaseUri(realm.getBaseUrl() + "/fintech");
        return client;
    }

    /** The failure's body as the API's documented failure envelope, after checking its HTTP status. */
    private <T> T failure(ApiException refusal, int status, Class<T> envelope) throws JsonProcessingException {
        assertThat(refusal).as("the call was refused").isNotNull();
        assertThat(refusal.getCode()).as(refusal.getResponseBody()).isEqualTo(status);
        return client().getObjectMapper().readValue(refusal.getResponseBody(), envelope);
    }

    private static LenientText text(String value) {
        return new LenientText(value);
    }

    private static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    private String appToken(String clientId, String secret) throws ApiException {
        return new GetTokenApi(client()).getToken(null, Map.of("X-API-KEY", clientId, "X-API-SECRET", secret)).getData().getToken();
    }

    private UserLoginSuccess emailLogin(TestUser user) throws ApiException {
        return new EmailPasswordLoginApi(client()).userLogin(new UserLoginRequest().emailId(text(user.email())).password(text(user.password())));
    }

    @Test
    void emailPasswordLogin() throws Exception {
        TestUser user = DemoRealm.newUser(realm);

        UserLoginSuccess success = emailLogin(user);

        assertThat(success.getResponseCode().getValue()).isEqualTo(200);
        assertThat(success.getResponseMessage().getValue()).isEqualTo("Success");
        assertThat(success.getResponseData().getEmailId()).isEqualTo(user.email());
        assertThat(success.getResponseData().getApiKey()).isNotBlank();
        JWTClaimsSet claims = Tokens.verify(realm, success.getResponseData().getToken());
        assertThat(claims.getSubject()).isEqualTo(user.id());
        assertThat(Long.parseLong(success.getResponseData().getExpiry())).isBetween(1L, Tokens.lifetime(claims));

        ApiException refusal = catchThrowableOfType(ApiException.class, () -> new EmailPasswordLoginApi(client())
                .userLogin(new UserLoginRequest().emailId(text(user.email())).password(text(user.password() + "x"))));
        Object row = failure(refusal, 401, UserLoginFailure.class).getActualInstance();
        assertThat(row).isInstanceOfSatisfying(InvalidPassword.class, wrong -> {
            assertThat(wrong.getResponseCode().getValue()).isEqualTo(405);
            assertThat(wrong.getResponseMessage().getValue()).isEqualTo("Please provide valid password");
        });
    }

    @Test
    void getToken() throws Exception {
        long before = System.currentTimeMillis();
        GetTokenSuccess success = new GetTokenApi(client()).getToken(null,
                Map.of("X-API-KEY", DemoRealm.MOB_APP, "X-API-SECRET", DemoRealm.MOB_APP_SECRET));

        assertThat(success.getResCode().getValue()).isEqualTo(200);
        assertThat(success.getResDesc().getValue()).isEqualTo("SUCCESS");
        JWTClaimsSet claims = Tokens.verify(realm, success.getData().getToken());
        assertThat(claims.getStringClaim("azp")).isEqualTo(DemoRealm.MOB_APP);
        // Epoch milliseconds, the token's own exp.
        assertThat(success.getData().getExpiry()).isGreaterThan(before).isEqualTo(claims.getExpirationTime().getTime());

        ApiException refusal = catchThrowableOfType(ApiException.class, () -> new GetTokenApi(client())
                .getToken(null, Map.of("X-API-KEY", DemoRealm.MOB_APP, "X-API-SECRET", "not-the-secret")));
        assertThat(failure(refusal, 401, GetTokenFailure.class).getActualInstance()).isInstanceOfSatisfying(Unauthorized.class,
                unauthorized -> assertThat(unauthorized.getResCode().getValue()).isEqualTo(401));
    }

    @Test
    void mobileSignIn() throws Exception {
        String mobile = DemoRealm.freshMobile();
        TestUser user = DemoRealm.newUser(realm, Map.of("mobile", List.of(mobile)));
        String appToken = appToken(DemoRealm.MOB_APP, DemoRealm.MOB_APP_SECRET);
        Map<String, String> app = Map.of("X-API-KEY", DemoRealm.MOB_APP, "X-API-TOKEN", appToken);

        MobileSignInSuccess success = new MobileSignInApi(client())
                .mobileSignIn(new MobileSignInRequest().token(text(appToken)).mobile(new MobileSignInRequestMobile(mobile)), app);

        assertThat(success.getResCode().getValue()).isEqualTo(200);
        JWTClaimsSet claims = Tokens.verify(realm, success.getData().getToken().replaceFirst("^Bearer ", ""));
        assertThat(claims.getSubject()).isEqualTo(user.id());
        assertThat(success.getData().getExpiry()).isEqualTo(claims.getExpirationTime().getTime());

        ApiException refusal = catchThrowableOfType(ApiException.class, () -> new MobileSignInApi(client()).mobileSignIn(
                new MobileSignInRequest().token(text(appToken)).mobile(new MobileSignInRequestMobile(DemoRealm.freshMobile())), app));
        assertThat(failure(refusal, 404, MobileSignInFailure.class).getActualInstance()).isInstanceOfSatisfying(UserNotFound.class,
                notFound -> assertThat(notFound.getResDesc().getValue()).isEqualTo("User not found"));
    }

    /** The user's own PIN and device management, then PIN and device login with what they set, then removal. */
    @Test
    void pinAndDeviceManagementAndLogin() throws Exception {
        String accountNumber = DemoRealm.freshAccountNumber();
        TestUser user = DemoRealm.newUser(realm, Map.of("accountNumber", List.of(accountNumber)));
        String userToken = emailLogin(user).getResponseData().getToken();
        TheSignedInUsersPinAndDeviceApi manage = new TheSignedInUsersPinAndDeviceApi(client());
        String device = "anid:generated-client-" + Long.toHexString(RANDOM.nextLong());

        ApiException anonymous = catchThrowableOfType(ApiException.class, () -> manage.setPin(new SetPinRequest().pin(text("2580"))));
        assertThat(failure(anonymous, 401, CredentialUpdateFailure.class).getActualInstance()).isInstanceOf(ONB040.class);

        DeviceRegisteredSuccess registered = manage.registerDevice(
                new RegisterDeviceRequest().deviceId(new RegisterDeviceRequestDeviceId(device)), bearer(userToken));
        assertThat(registered.getResCode().getValue()).isEqualTo("ONB200");
        PinSetSuccess pinSet = manage.setPin(new SetPinRequest().pin(text("2580")), bearer(userToken));
        assertThat(pinSet.getData().getMsg().getValue()).isEqualTo("PIN set successfully");

        PinAndDeviceLoginApi login = new PinAndDeviceLoginApi(client());
        String appToken = appToken(DemoRealm.PIN_APP, DemoRealm.PIN_APP_SECRET);
        Map<String, String> app = Map.of("X-API-KEY", DemoRealm.PIN_APP, "X-API-TOKEN", appToken);
        PinOrDeviceLoginSuccess byPin = login.pinOrDeviceLogin(accountNumber, new PinOrDeviceLoginRequest().signInMode(
                new PinOrDeviceLoginRequestSignInMode(1)).authType(new PinOrDeviceLoginRequestAuthType(1)).pin(text("2580"))
                .deviceId(text(device)).token(text(appToken)), app);
        assertThat(byPin.getResCode().getValue()).isEqualTo("ONB200");
        JWTClaimsSet claims = Tokens.verify(realm, byPin.getData().getToken());
        assertThat(claims.getSubject()).isEqualTo(user.id());
        assertThat(byPin.getData().getExpiry()).isEqualTo(claims.getExpirationTime().getTime());
        assertThat(byPin.getData().getSimDeviceBindingEnabled()).isFalse();

        // Mode 2: in place of the PIN, the device id encrypted with the realm's public key, named by its key id.
        PublicKeySuccess key = login.publicKey();
        assertThat(key.getData().getAlgorithm().getValue()).isEqualTo("RSA-OAEP-256");
        PinOrDeviceLoginRequest byDevice = new PinOrDeviceLoginRequest().signInMode(new PinOrDeviceLoginRequestSignInMode(2))
                .authType(new PinOrDeviceLoginRequestAuthType(1)).pin(text(AppCrypto.encrypt(key.getData().getPublicKey(), device)))
                .keyRef(key.getData().getKeyRef()).deviceId(text(device)).token(text(appToken));
        assertThat(login.pinOrDeviceLogin(accountNumber, byDevice, app).getData().getToken()).isNotBlank();

        ApiException wrongPin = catchThrowableOfType(ApiException.class, () -> login.pinOrDeviceLogin(accountNumber,
                new PinOrDeviceLoginRequest().signInMode(new PinOrDeviceLoginRequestSignInMode(1)).authType(
                        new PinOrDeviceLoginRequestAuthType(1)).pin(text("1357")).deviceId(text(device)).token(text(appToken)), app));
        assertThat(failure(wrongPin, 401, OnboardingLoginFailure.class).getActualInstance()).isInstanceOf(ONB017.class);

        DeviceRemovedSuccess removed = manage.removeDevice(new RemoveDeviceRequest().deviceId(text(device)), bearer(userToken));
        assertThat(removed.getResCode().getValue()).isEqualTo("ONB200");
        ApiException unregistered = catchThrowableOfType(ApiException.class, () -> login.pinOrDeviceLogin(accountNumber,
                new PinOrDeviceLoginRequest().signInMode(new PinOrDeviceLoginRequestSignInMode(1)).authType(
                        new PinOrDeviceLoginRequestAuthType(1)).pin(text("2580")).deviceId(text(device)).token(text(appToken)), app));
        assertThat(failure(unregistered, 401, OnboardingLoginFailure.class).getActualInstance()).isInstanceOf(ONB026.class);
    }

    @Test
    void cardPortalLogin() throws Exception {
        Map<String, String> affiliate = Map.of("processor-key", DemoRealm.DEMO_PROCESSOR_KEY, "affiliate", DemoRealm.DEMO_AFFILIATE_ID);
        String checksum = AppCrypto.sha256Hex(DemoRealm.CARD_USER_MOBILE + DemoRealm.CARD_USER_PASSWORD + DemoRealm.DEMO_CHECKSUM_SECRET);

        CardPortalSuccess success = new CardPortalLoginApi(client())
                .cardPortalLogin(checksum, DemoRealm.CARD_USER_MOBILE, DemoRealm.CARD_USER_PASSWORD, null, affiliate);

        assertThat(success.getStatus().getValue()).isEqualTo(200);
        assertThat(Tokens.verify(realm, success.getData().getToken()).getSubject()).isNotBlank();

        ApiException refusal = catchThrowableOfType(ApiException.class, () -> new CardPortalLoginApi(client())
                .cardPortalLogin(checksum.replace(checksum.charAt(0), checksum.charAt(0) == '0' ? '1' : '0'),
                        DemoRealm.CARD_USER_MOBILE, DemoRealm.CARD_USER_PASSWORD, null, affiliate));
        CardPortalFailure fail = failure(refusal, 400, CardPortalFailure.class);
        assertThat(fail.getStatus().getValue()).isEqualTo(400);
        assertThat(fail.getMessage().getValue()).isEqualTo("fail");
    }

    @Test
    void partnerLogin() throws Exception {
        TestUser user = DemoRealm.newUser(realm);
        RoleRepresentation partner = realm.admin().roles().get("partner").toRepresentation();
        realm.admin().users().get(user.id()).roles().realmLevel().add(List.of(partner));
        String userName = realm.admin().users().get(user.id()).toRepresentation().getUsername();
        PublicKeySuccess key = new PinAndDeviceLoginApi(client()).publicKey();
        ClientCrypto.Sealed sealed = new ClientCrypto(key.getData().getPublicKey()).seal("{\"userName\":\"" + userName + "\",\"password\":\"" + user.password()
                + "\",\"timestamp\":" + System.currentTimeMillis() + "}");
        PartnerLoginApi api = new PartnerLoginApi(client());

        PartnerSuccess success = api.partnerLogin(sealed.hmac(), sealed.keyValue(), sealed.ivValue(),
                new PartnerRequest().encryptData(sealed.encryptData()), key.getData().getKeyRef());

        assertThat(success.getStatus().getStatusCode().getValue()).isEqualTo(200);
        assertThat(success.getData().getUserName()).isEqualTo(userName);
        assertThat(Tokens.verify(realm, success.getData().getToken()).getSubject()).isEqualTo(user.id());

        ApiException refusal = catchThrowableOfType(ApiException.class, () -> api.partnerLogin(sealed.keyValue(), sealed.keyValue(),
                sealed.ivValue(), new PartnerRequest().encryptData(sealed.encryptData()), key.getData().getKeyRef()));
        assertThat(failure(refusal, 400, PartnerFailure.class).getResponse().getActualInstance()).isInstanceOf(FPDR4005.class);
    }

    /** The admin endpoints, at the document's admin server: the realm's URL under Keycloak's admin API, an admin's token. */
    @Test
    void adminPinEndpoints() throws Exception {
        String accountNumber = DemoRealm.freshAccountNumber();
        TestUser user = DemoRealm.newUser(realm, Map.of("accountNumber", List.of(accountNumber)), List.of(DemoRealm.pin("2580")));
        ApiClient adminClient = new ApiClient();
        adminClient.updateBaseUri(realm.getBaseUrl().replace("/realms/", "/admin/realms/") + "/fintech");
        AdminEndpointsPinsAndDevicesApi api = new AdminEndpointsPinsAndDevicesApi(adminClient);
        Map<String, String> adminToken = bearer(admin.tokenManager().getAccessTokenString());

        api.adminResetPin(user.id(), new AdminPinRequest().pin(text("4826")), adminToken);
        AdminPinStatus status = api.adminPinStatus(user.id(), adminToken);

        assertThat(status.getConfigured()).isTrue();
        assertThat(status.getLocked()).isFalse();
        assertThat(status.getFailures()).isZero();

        ApiException unknown = catchThrowableOfType(ApiException.class, () -> api.adminPinStatus("no-such-user", adminToken));
        KeycloakError error = failure(unknown, 404, KeycloakError.class);
        assertThat(error.getError() != null || error.getErrorMessage() != null).as(unknown.getResponseBody()).isTrue();
    }
}
