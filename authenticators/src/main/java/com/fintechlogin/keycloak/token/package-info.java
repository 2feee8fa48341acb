/**
 * Token mappers of the project: claims an admin names and types, such as the session id and the token's lifetime.
 * Imports nothing of the project.
 */
package com.fintechlogin.keycloak.token;
