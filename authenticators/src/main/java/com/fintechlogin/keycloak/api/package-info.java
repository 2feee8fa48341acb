/**
 * The documented REST APIs under {@code /realms/{realm}/fintech}: the route table that sends each path to its endpoint,
 * and the exception mappers that send a request Keycloak's HTTP layer failed on to the same endpoint. One sub-package per
 * API (its request, its code table, its endpoint), which this package alone knows all of; none of them imports this
 * package. The flows' steps must never import api/, so that a flow works the same from the token endpoint.
 */
package com.fintechlogin.keycloak.api;
