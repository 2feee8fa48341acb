/**
 * The caller's faults Keycloak's HTTP layer finds before or after an endpoint runs (a body it cannot decode, a
 * Content-Type it cannot parse), told from server errors by where they were thrown, and the endpoint's promise to
 * answer them in its envelope. Knows neither the paths nor any API: must not import api/http/.
 */
package com.fintechlogin.keycloak.api.fault;
