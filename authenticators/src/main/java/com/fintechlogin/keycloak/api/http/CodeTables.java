package com.fintechlogin.keycloak.api.http;

import java.util.HashMap;
import java.util.Map;

import com.fintechlogin.keycloak.login.FailureReason;

/** Builds an API's code table: its own rows, plus the transport rows every API answers alike. */
public final class CodeTables {

    private CodeTables() {
    }

    /**
     * {@code rows}, plus: a wrong method (405), a media type that cannot carry the body (415) and a body over the
     * limit (413), each answering in the body with the code and message of {@code badRequest}.
     */
    @SafeVarargs
    public static Map<FailureReason, ApiCode> of(ApiCode badRequest, Map.Entry<FailureReason, ApiCode>... rows) {
        Map<FailureReason, ApiCode> table = new HashMap<>(Map.ofEntries(rows));
        table.put(FailureReason.WRONG_METHOD, new ApiCode(405, badRequest.code(), badRequest.message()));
        table.put(FailureReason.WRONG_CONTENT_TYPE, new ApiCode(415, badRequest.code(), badRequest.message()));
        table.put(FailureReason.BODY_TOO_LARGE, new ApiCode(413, badRequest.code(), badRequest.message()));
        return Map.copyOf(table);
    }
}
