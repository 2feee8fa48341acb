/**
 * The stored JSON forms of a PIN credential: its public data and its secret. Imports nothing of the project: Keycloak
 * serialises these as they are.
 */
package com.fintechlogin.keycloak.pin.dto;
