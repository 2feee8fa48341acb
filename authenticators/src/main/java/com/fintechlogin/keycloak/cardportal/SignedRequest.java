package com.fintechlogin.keycloak.cardportal;

import java.util.Map;

/**
 * What an affiliate's request presents for the checksum check.
 *
 * @param processorKey the {@code processor-key} header
 * @param checksum     the {@code checksum} header
 * @param fields       the request's field values by field name, as sent (decoded, not normalized): at least every
 *                     field the affiliate's settings concatenate
 * @param timestamp    the {@code timestamp} field as sent, or {@code null}; checked only under replay protection
 */
public record SignedRequest(String processorKey, String checksum, Map<String, String> fields, String timestamp) {

    public SignedRequest {
        fields = Map.copyOf(fields);
    }

    /** Never prints the processor key, the checksum or a value (the password is one). */
    @Override
    public String toString() {
        return "SignedRequest[fields=" + fields.keySet() + ", timestamp=" + timestamp + "]";
    }
}
