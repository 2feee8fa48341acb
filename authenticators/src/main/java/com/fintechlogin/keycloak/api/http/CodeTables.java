package com.fintechlogin.keycloak.api.http;

import com.fintechlogin.keycloak.login.FailureReason;

/** The transport rows every API's code table answers alike. */
public final class CodeTables {

    private CodeTables() {
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
