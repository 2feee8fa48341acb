/**
 * The login metrics operators scrape from Keycloak's management port ({@code /metrics}): attempts per API, client and
 * outcome, their latency, the attempt limiter's locks per credential kind and the replays refused, registered in
 * Micrometer's global registry as Keycloak's own user-event metrics are. They are read from the events every route
 * already emits (a global event listener); an API endpoint hands over its login's latency. Must not import api/ or a
 * step's package (identify/, password/, pin/, device/, partner/, cardportal/): they write the events and time their
 * requests; this package only reads them, so that a login is measured the same whichever route it took.
 */
package com.fintechlogin.keycloak.metrics;
