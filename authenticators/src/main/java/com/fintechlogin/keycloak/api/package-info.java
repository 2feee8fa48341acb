/**
 * The documented REST APIs under {@code /realms/{realm}/fintech}: the resource that routes each path to its endpoint
 * and the base every login endpoint shares. One sub-package per API (its request, its code table, its endpoint); the
 * flows' steps must never import api/, so that a flow works the same from the token endpoint.
 */
package com.fintechlogin.keycloak.api;
