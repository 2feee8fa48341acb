package com.fintechlogin.keycloak.login;

import java.util.function.Supplier;

import com.fintechlogin.keycloak.limit.CallerBudgets;
import com.fintechlogin.keycloak.limit.Verdict;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.models.UserModel;

/**
 * The browser side of an authenticator of this project: read a posted field, and refuse an attempt by showing the
 * page again with the typed reason in the event, as {@link LoginFailures} does for the APIs.
 */
public final class BrowserForms {

    /** Longer input is treated as absent: no identifier or credential of this project is that long. */
    static final int MAX_FIELD_LENGTH = 256;

    /** The message key of {@link #refusedOverBudget}'s page: too many attempts from here, try again later. */
    public static final String OVER_BUDGET_MESSAGE = "fintechTooManyFailures";

    private BrowserForms() {
    }

    /** A posted form field, or {@code null} when absent, blank or too long to be real input. */
    public static String field(AuthenticationFlowContext context, String name) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        String value = form == null ? null : form.getFirst(name);
        if (value == null || value.isBlank() || value.length() > MAX_FIELD_LENGTH) {
            return null;
        }
        return value;
    }

    /**
     * Refuses this attempt: the reason goes to the event (with {@code user} when known) and the auth note, and
     * {@code page} is shown again. Brute-force detection is not told here; a wrong credential is reported where it
     * was counted ({@link KeycloakBruteForce}).
     */
    public static void refuse(AuthenticationFlowContext context, UserModel user, FailureReason reason, Response page) {
        if (user != null) {
            context.getEvent().user(user);
        }
        LoginFailures.record(context, reason, reason.eventError());
        context.challenge(page);
    }

    /**
     * Whether the caller of this page is over one of its failure budgets ({@link CallerBudgetGate}); then the page is
     * shown again unevaluated, {@code page} with HTTP 429 and {@code Retry-After}. Asked before any lookup or credential.
     */
    public static boolean refusedOverBudget(AuthenticationFlowContext context, Supplier<Response> page) {
        CallerBudgets.Refusal refusal = CallerBudgetGate.admit(context);
        if (refusal == null) {
            return false;
        }
        CallerBudgetGate.record(context, refusal);
        context.challenge(Response.fromResponse(page.get()).status(Response.Status.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(refusal.retryAfterSeconds())).build());
        return true;
    }

    /**
     * Refuses a wrong credential the limiter counted as {@code kind}, as {@link LoginFailures#failWrongCredential} does
     * for the APIs.
     */
    public static void refuseWrongCredential(AuthenticationFlowContext context, UserModel user, Verdict verdict, String kind,
                                             Response page) {
        LoginFailures.countWrongCredential(context, user, verdict, kind);
        refuse(context, user, FailureReason.INVALID_CREDENTIALS, page);
    }
}
