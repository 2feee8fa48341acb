package com.fintechlogin.keycloak.api.emailpassword;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fintechlogin.keycloak.json.LenientJson;
import com.fintechlogin.keycloak.password.PasswordCheck;

/** The email/password login's request body, {@code {"emailId": "...", "password": "..."}}. */
record EmailPasswordRequest(String emailId, String password) {

    static final int MAX_EMAIL_LENGTH = 254;
    static final int MAX_PASSWORD_LENGTH = PasswordCheck.MAX_PASSWORD_LENGTH;

    /** The request in {@code body}, or {@code null} when a field is missing, not a scalar, blank or too long. */
    static EmailPasswordRequest parse(byte[] body) {
        ObjectNode json = LenientJson.parseObject(body);
        if (json == null) {
            return null;
        }
        String emailId = LenientJson.text(json, "emailId", MAX_EMAIL_LENGTH);
        String password = LenientJson.text(json, "password", MAX_PASSWORD_LENGTH);
        if (emailId == null || password == null) {
            return null;
        }
        return new EmailPasswordRequest(emailId.trim(), password);
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "EmailPasswordRequest[emailId=" + emailId + "]";
    }
}
