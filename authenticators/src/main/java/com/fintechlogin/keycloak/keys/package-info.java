/**
 * The realm's keys: its RSA encryption keys (Keycloak's key providers) and its PIN pepper in the vault, which keys PIN
 * hashes and stored device ids alike. Imports nothing of the project.
 */
package com.fintechlogin.keycloak.keys;
