package com.fintechlogin.keycloak.api;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import com.fintechlogin.keycloak.api.cardportal.CardPortalLoginEndpoint;
import com.fintechlogin.keycloak.api.emailpassword.EmailPasswordEndpoint;
import com.fintechlogin.keycloak.api.gettoken.GetTokenEndpoint;
import com.fintechlogin.keycloak.api.manage.RegisterDeviceEndpoint;
import com.fintechlogin.keycloak.api.manage.SetPinEndpoint;
import com.fintechlogin.keycloak.api.mobilesignin.MobileSignInEndpoint;
import com.fintechlogin.keycloak.api.openapi.OpenApiEndpoint;
import com.fintechlogin.keycloak.api.partner.PartnerLoginEndpoint;
import com.fintechlogin.keycloak.api.pindevice.PinDeviceLoginEndpoint;
import com.fintechlogin.keycloak.api.pindevice.PublicKeyEndpoint;

import jakarta.ws.rs.Encoded;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.ext.Provider;

import org.keycloak.models.KeycloakSession;

/**
 * {@code /realms/{realm}/fintech}: the documented paths, so that a client changes only its base URL.
 *
 * <p>The paths are written once, in {@link #ROUTES}. JAX-RS reaches an endpoint through the one locator below, and the
 * fault mappers, which answer requests Keycloak's HTTP layer failed on before any endpoint ran, look the same table up
 * with the request's path; so the two cannot disagree about which endpoint a path belongs to.
 */
@Provider
public final class FintechResource {

    /**
     * A documented path (relative to this resource, without slashes around it) and the endpoint serving it. The type is
     * the endpoint's class, for whoever lists the API's operations from the code (the OpenAPI document's test).
     */
    public record Route<E>(String path, Class<E> type, Function<KeycloakSession, E> endpoint) {
    }

    /** Every path of the public API. */
    public static final List<Route<?>> ROUTES = List.of(
            // The Get Token API: an app's own token, the app token of the mobile sign-in and the PIN/device login.
            new Route<>("market-place/v1/token", GetTokenEndpoint.class, GetTokenEndpoint::new),
            // Mobile sign-in: a user on the calling app's word.
            new Route<>("lending/v1/token", MobileSignInEndpoint.class, MobileSignInEndpoint::new),
            // PIN/device login: the key apps encrypt device ids with.
            new Route<>("onboarding/user/v1/public-key", PublicKeyEndpoint.class, PublicKeyEndpoint::new),
            // PIN/device login, at the path its document's heading names...
            new Route<>("onboarding/user/v2/login", PinDeviceLoginEndpoint.class, PinDeviceLoginEndpoint::new),
            // ...and at the one its sample request posts to, so that the sample works with only the base URL changed.
            new Route<>("onboarding/user/login/v1", PinDeviceLoginEndpoint.class, PinDeviceLoginEndpoint::new),
            // The signed-in user sets or changes their PIN, or registers a device, with their own access token.
            new Route<>("onboarding/user/v1/pin", SetPinEndpoint.class, SetPinEndpoint::new),
            new Route<>("onboarding/user/v1/device", RegisterDeviceEndpoint.class, RegisterDeviceEndpoint::new),
            // Card portal login, signed with the affiliate's processor key and checksum.
            new Route<>("airpay/ms/cards/api/user-login", CardPortalLoginEndpoint.class, CardPortalLoginEndpoint::new),
            // Partner login with an RSA-wrapped, HMAC-authenticated AES payload.
            new Route<>("getToken", PartnerLoginEndpoint.class, PartnerLoginEndpoint::new),
            // Email/password login.
            new Route<>("user/login", EmailPasswordEndpoint.class, EmailPasswordEndpoint::new),
            // The OpenAPI document of every endpoint of the project, with this realm's URLs, as JSON and as YAML.
            new Route<>("openapi.json", OpenApiEndpoint.class, session -> new OpenApiEndpoint(session, OpenApiEndpoint.Format.JSON)),
            new Route<>("openapi.yaml", OpenApiEndpoint.class, session -> new OpenApiEndpoint(session, OpenApiEndpoint.Format.YAML)));

    private final KeycloakSession session;

    public FintechResource(KeycloakSession session) {
        this.session = session;
    }

    /**
     * The endpoint at {@code path}, a path below this resource as the request sent it, not decoded: an encoded slash
     * ({@code %2F}) is no separator, so a proxy that routes by the raw path and this table see the same path. A
     * trailing slash names the same endpoint, as it did for JAX-RS's own matching. Empty for a path of no route.
     */
    public Optional<Object> endpointAt(String path) {
        String route = path.replaceAll("/+$", "");
        return ROUTES.stream()
                .filter(candidate -> candidate.path().equals(route))
                .findFirst()
                .map(found -> found.endpoint().apply(session));
    }

    /** The endpoint of the request's path; any other path below this resource is not found. */
    @Path("{path: .+}")
    public Object endpoint(@PathParam("path") @Encoded String path) {
        return endpointAt(path).orElseThrow(NotFoundException::new);
    }
}
