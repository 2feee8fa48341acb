/**
 * Shared by the integration tests: the shared server's config and log, the demo realm's facts, HTTP with the OpenAPI
 * contract check, logins, apps, tokens and the record of used secrets.
 */
package com.fintechlogin.keycloak.it.support;
