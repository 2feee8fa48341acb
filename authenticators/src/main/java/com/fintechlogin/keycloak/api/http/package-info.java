/**
 * What every API's HTTP side shares: the answer envelope, code tables, headers, bounded body reading, constant-time
 * comparison. Must not import an API's own package, nor the flows' steps.
 */
package com.fintechlogin.keycloak.api.http;
