package com.fintechlogin.keycloak.api.http;

import com.fintechlogin.keycloak.login.FailureReason;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** The transport rows every API's code table answers alike. */
public final class CodeTables {

    private CodeTables() {
    }

    /**
     * The answer to a caller over its failure budget ({@link FailureReason#CALLER_OVER_BUDGET}), as every API sends it:
     * the API's 429 body with {@code Retry-After}, whole seconds until the budget's window ends.
     */
    public static Response withRetryAfter(Response overBudget, long seconds) {
        return Response.fromResponse(overBudget).header(HttpHeaders.RETRY_AFTER, Long.toString(seconds)).build();
    }

    /**
     * A wrong method (405), a media type that cannot carry the body (415) or a body over the limit (413): that HTTP
     * status, with the code and message of the API's {@code badRequest} in the body.
     */
    public static ApiCode transport(FailureReason reason, ApiCode badRequest) {
        int status = switch (reason) {
            case WRONG_METHOD -> 405;
            case WRONG_CONTENT_TYPE -> 415;
            case BODY_TOO_LARGE -> 413;
            default -> throw new IllegalArgumentException(reason + " is not a transport failure");
        };
        return new ApiCode(status, badRequest.code(), badRequest.message());
    }
}
