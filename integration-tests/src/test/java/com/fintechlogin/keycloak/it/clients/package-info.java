/**
 * The APIs called as an app developer would call them: through the Java client generated from the OpenAPI document at
 * build time (library native), against the shared server, reading the typed answers.
 */
package com.fintechlogin.keycloak.it.clients;
