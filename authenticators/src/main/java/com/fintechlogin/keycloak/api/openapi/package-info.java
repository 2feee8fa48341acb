/**
 * The project's OpenAPI document and the endpoint that serves it with a realm's real URLs. Must not import the APIs it
 * describes: the document is the contract they are checked against.
 */
package com.fintechlogin.keycloak.api.openapi;
