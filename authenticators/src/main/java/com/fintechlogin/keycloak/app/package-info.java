/**
 * How an app proves itself: its client secret (as Keycloak's client authenticator checks it) and its own token.
 * Imports nothing of the project: the APIs and the flows' steps both use it.
 */
package com.fintechlogin.keycloak.app;
