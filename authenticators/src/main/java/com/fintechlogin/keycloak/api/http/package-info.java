/**
 * What every API's HTTP side shares: the transport every endpoint extends (bounded body reading, content type, wrong
 * methods, fault answers), the base of the login endpoints, the answer envelope, code tables, headers, constant-time
 * comparison. Must not import an API's own package, nor the flows' steps.
 */
package com.fintechlogin.keycloak.api.http;
