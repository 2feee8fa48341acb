package com.fintechlogin.keycloak.partner;

/**
 * What a partner's request presents, as sent.
 *
 * @param keyValue    the {@code keyValue} header: base64 of the RSA-OAEP-256 ciphertext of the AES key
 * @param keyRef      the {@code keyRef} header, the id of the realm key used; {@code null} for the active key
 * @param ivValue     the {@code ivValue} header: base64 of the IV
 * @param hmac        the {@code hmac} header: base64 of HMAC-SHA256 of {@code encryptData} with the AES key
 * @param encryptData the body's {@code encryptData}: base64 of the ciphertext, exactly as sent (the HMAC is over it)
 */
public record EncryptedRequest(String keyValue, String keyRef, String ivValue, String hmac, String encryptData) {

    /** Prints the key id alone: the rest is key material, or ciphertext of a password. */
    @Override
    public String toString() {
        return "EncryptedRequest[keyRef=" + keyRef + "]";
    }
}
