/**
 * The documented APIs, each tested against the shared server as its app or partner calls it: answers, tokens, errors,
 * attempt limits.
 */
package com.fintechlogin.keycloak.it.api;
