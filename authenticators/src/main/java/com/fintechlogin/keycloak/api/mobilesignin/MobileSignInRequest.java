package com.fintechlogin.keycloak.api.mobilesignin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fintechlogin.keycloak.app.AppTokenVerifier;
import com.fintechlogin.keycloak.identify.MobileNumbers;
import com.fintechlogin.keycloak.json.LenientJson;
import com.fintechlogin.keycloak.json.Parsed;

/** The mobile sign-in's request body, {@code {"token": "<app token>", "mobile": "<digits>"}}, checked field by field. */
record MobileSignInRequest(String token, String mobile) {

    static final String TOKEN = "token";
    static final String MOBILE = "mobile";
    /** Names the body as a whole when it is not a JSON object at all. */
    static final String BODY = "request body";

    private static final int MAX_MOBILE_LENGTH = 32;

    /** The parsed request, or the name of the first field at fault. */
    static Parsed<MobileSignInRequest, String> parse(byte[] body) {
        ObjectNode json = LenientJson.parseObject(body);
        if (json == null) {
            return new Parsed.Invalid<>(BODY);
        }
        String token = AppTokenVerifier.stripBearer(LenientJson.text(json, TOKEN, AppTokenVerifier.MAX_TOKEN_LENGTH + 16));
        if (token == null) {
            return new Parsed.Invalid<>(TOKEN);
        }
        String mobile = MobileNumbers.normalize(LenientJson.text(json, MOBILE, MAX_MOBILE_LENGTH));
        if (mobile == null) {
            return new Parsed.Invalid<>(MOBILE);
        }
        return new Parsed.Valid<>(new MobileSignInRequest(token, mobile));
    }

    /** Never prints the token. */
    @Override
    public String toString() {
        return "MobileSignInRequest[mobile=" + mobile + "]";
    }
}
