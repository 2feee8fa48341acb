package com.fintechlogin.keycloak.api.http;

/** The header names app-facing APIs identify the calling app by, and their bounds. */
public final class AppHeaders {

    /** The calling app's client id. */
    public static final String API_KEY = "X-API-KEY";
    /** The calling app's client secret (Get Token API). */
    public static final String API_SECRET = "X-API-SECRET";
    /** The calling app's own access token. */
    public static final String API_TOKEN = "X-API-TOKEN";

    /** Keycloak client ids and secrets are far shorter. */
    public static final int MAX_CLIENT_ID_LENGTH = 255;
    public static final int MAX_SECRET_LENGTH = 512;

    private AppHeaders() {
    }
}
