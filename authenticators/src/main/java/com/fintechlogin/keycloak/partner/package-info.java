/**
 * The partner login's encrypted payload: the AES key unwrapped with the realm's RSA key, the HMAC over the ciphertext,
 * each key used once, the plaintext's user name and password; and the partner-role step. Must not import api/: the
 * partner API calls it, not the other way round.
 */
package com.fintechlogin.keycloak.partner;
