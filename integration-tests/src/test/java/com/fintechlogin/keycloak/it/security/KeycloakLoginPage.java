package com.fintechlogin.keycloak.it.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keycloak's own username and password page, as a browser posts it: the realm's browser flow, opened by the account
 * console's sign-in (client {@code account-console}, with PKCE as the console sends it). Each sign-in is a new browser:
 * its own cookies, a new login. No page is rendered; the form's action is read from the page and posted.
 */
final class KeycloakLoginPage {

    private static final String CLIENT = "account-console";
    private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*>", Pattern.DOTALL);
    private static final Pattern ACTION = Pattern.compile("action=\"([^\"]+)\"");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String realmUrl;

    /** {@code realmUrl}: the realm's base URL, e.g. {@code http://localhost:8080/realms/demo}. */
    KeycloakLoginPage(String realmUrl) {
        this.realmUrl = realmUrl;
    }

    /**
     * Signs in with {@code username} and {@code password} in a new browser: true when Keycloak sends the browser back to
     * the console with a code, false when it shows the page again (wrong password, locked or disabled user).
     */
    boolean signIn(String username, String password) {
        HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
        String redirectUri = realmUrl + "/account/";
        HttpResponse<String> page = send(browser, HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/auth"
                + "?client_id=" + enc(CLIENT) + "&response_type=code&scope=openid&redirect_uri=" + enc(redirectUri)
                + "&state=" + UUID.randomUUID() + "&code_challenge=" + challenge() + "&code_challenge_method=S256")).GET());
        assertThat(page.statusCode()).as("Keycloak's login page").isEqualTo(200);
        String cookies = page.headers().allValues("Set-Cookie").stream()
                .map(cookie -> cookie.split(";", 2)[0].strip())
                .collect(Collectors.joining("; "));
        HttpResponse<String> answer = send(browser, HttpRequest.newBuilder(URI.create(action(page.body())))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", cookies)
                .POST(HttpRequest.BodyPublishers.ofString("username=" + enc(username) + "&password=" + enc(password)
                        + "&credentialId=")));
        if (answer.statusCode() == 302) {
            String location = answer.headers().firstValue("Location").orElse("");
            return location.startsWith(redirectUri) && location.contains("code=");
        }
        assertThat(answer.statusCode()).as("the page again, with its error: %s", answer.body()).isIn(200, 400, 401);
        return false;
    }

    private static String action(String page) {
        Matcher form = LOGIN_FORM.matcher(page);
        assertThat(form.find()).as("the username and password form on %s", page).isTrue();
        Matcher action = ACTION.matcher(form.group());
        assertThat(action.find()).as("the form's action").isTrue();
        return action.group(1).replace("&amp;", "&");
    }

    private static HttpResponse<String> send(HttpClient browser, HttpRequest.Builder request) {
        try {
            return browser.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A PKCE challenge (S256) of a verifier never used again: the test stops at the code. */
    private static String challenge() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
