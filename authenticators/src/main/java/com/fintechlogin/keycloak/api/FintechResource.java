package com.fintechlogin.keycloak.api;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Optional;

import com.fintechlogin.keycloak.api.cardportal.CardPortalLoginEndpoint;
import com.fintechlogin.keycloak.api.fault.CallerFaultAnswer;
import com.fintechlogin.keycloak.api.mobilesignin.MobileSignInEndpoint;
import com.fintechlogin.keycloak.api.manage.RegisterDeviceEndpoint;
import com.fintechlogin.keycloak.api.manage.SetPinEndpoint;
import com.fintechlogin.keycloak.api.gettoken.GetTokenEndpoint;
import com.fintechlogin.keycloak.api.pindevice.PinDeviceLoginEndpoint;
import com.fintechlogin.keycloak.api.pindevice.PublicKeyEndpoint;
import com.fintechlogin.keycloak.api.openapi.OpenApiEndpoint;
import com.fintechlogin.keycloak.api.partner.PartnerLoginEndpoint;
import com.fintechlogin.keycloak.api.emailpassword.EmailPasswordEndpoint;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.ext.Provider;

import org.keycloak.models.KeycloakSession;

/** {@code /realms/{realm}/fintech}: the documented paths, so that a client changes only its base URL. */
@Provider
public final class FintechResource {

    private final KeycloakSession session;

    public FintechResource(KeycloakSession session) {
        this.session = session;
    }

    /**
     * The endpoint at {@code path} (relative to this resource), for answering a request Keycloak's HTTP layer failed
     * on; found through this class's own {@code @Path} declarations so that the paths are written once.
     */
    public Optional<CallerFaultAnswer> endpointAt(String path) {
        for (Method locator : FintechResource.class.getMethods()) {
            Path declared = locator.getAnnotation(Path.class);
            if (declared != null && declared.value().equals(path)
                    && CallerFaultAnswer.class.isAssignableFrom(locator.getReturnType())) {
                try {
                    return Optional.of((CallerFaultAnswer) locator.invoke(this));
                } catch (IllegalAccessException | InvocationTargetException unexpected) {
                    throw new IllegalStateException("Locator " + locator.getName() + " failed", unexpected);
                }
            }
        }
        return Optional.empty();
    }

    /** The Get Token API: an app's own token, the app token of the mobile sign-in and the PIN/device login. */
    @Path("market-place/v1/token")
    public GetTokenEndpoint getToken() {
        return new GetTokenEndpoint(session);
    }

    /** Mobile sign-in: a user on the calling app's word. */
    @Path("lending/v1/token")
    public MobileSignInEndpoint lendingToken() {
        return new MobileSignInEndpoint(session);
    }

    /** PIN/device login: the key apps encrypt device ids with. */
    @Path("onboarding/user/v1/public-key")
    public PublicKeyEndpoint publicKey() {
        return new PublicKeyEndpoint(session);
    }

    /** PIN/device login. */
    @Path("onboarding/user/v2/login")
    public PinDeviceLoginEndpoint onboardingLogin() {
        return new PinDeviceLoginEndpoint(session);
    }

    /**
     * PIN/device login at the path the document's sample request posts to (its heading names the one above), so that
     * the document's own sample works with only the base URL changed.
     */
    @Path("onboarding/user/login/v1")
    public PinDeviceLoginEndpoint onboardingLoginAtSamplePath() {
        return new PinDeviceLoginEndpoint(session);
    }

    /** PIN/device login: the signed-in user sets or changes their PIN, with their own access token. */
    @Path("onboarding/user/v1/pin")
    public SetPinEndpoint setPin() {
        return new SetPinEndpoint(session);
    }

    /** PIN/device login: the signed-in user registers a device for device login, with their own access token. */
    @Path("onboarding/user/v1/device")
    public RegisterDeviceEndpoint registerDevice() {
        return new RegisterDeviceEndpoint(session);
    }

    /** Card portal login, signed with the affiliate's processor key and checksum. */
    @Path("airpay/ms/cards/api/user-login")
    public CardPortalLoginEndpoint cardPortalLogin() {
        return new CardPortalLoginEndpoint(session);
    }

    /** Partner login with an RSA-wrapped, HMAC-authenticated AES payload. */
    @Path("getToken")
    public PartnerLoginEndpoint partnerLogin() {
        return new PartnerLoginEndpoint(session);
    }

    /** Email/password login. */
    @Path("user/login")
    public EmailPasswordEndpoint userLogin() {
        return new EmailPasswordEndpoint(session);
    }

    /** The OpenAPI document of every endpoint of the project, with this realm's URLs, as JSON. */
    @Path("openapi.json")
    public OpenApiEndpoint openApiJson() {
        return new OpenApiEndpoint(session, OpenApiEndpoint.Format.JSON);
    }

    /** The same document as YAML. */
    @Path("openapi.yaml")
    public OpenApiEndpoint openApiYaml() {
        return new OpenApiEndpoint(session, OpenApiEndpoint.Format.YAML);
    }
}
