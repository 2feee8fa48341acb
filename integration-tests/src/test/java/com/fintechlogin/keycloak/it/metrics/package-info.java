/**
 * The login metrics as an operator's Prometheus reads them from Keycloak's management port, after a round of logins
 * and failures through every API of the shared server; and the Grafana dashboard in docs/, held to the names scraped.
 */
package com.fintechlogin.keycloak.it.metrics;
