/**
 * Answers for requests Keycloak's HTTP layer fails on through the caller's fault, in the API's own envelope on the
 * project's paths and as Keycloak answers elsewhere. Knows the API paths, not how any API logs in.
 */
package com.fintechlogin.keycloak.api.fault;
