/**
 * What an attacker tries (credential takeover, device and PIN guessing, forged device proofs, hostile requests) and
 * that no secret reaches the server logs.
 */
package com.fintechlogin.keycloak.it.security;
