/**
 * The exact attempt limiter: its table, the realm's brute-force policy, the PIN attempt policy that PIN and device
 * login share, and the listener that follows Keycloak's unlock. Imports nothing of the project: every credential
 * step imports it.
 */
package com.fintechlogin.keycloak.limit;
