/**
 * The PIN/device login: the realm's public key and the login by account number with a PIN or a device's proof.
 * Imports no other API's package.
 */
package com.fintechlogin.keycloak.api.pindevice;
