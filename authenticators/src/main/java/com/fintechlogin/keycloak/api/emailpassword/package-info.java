/**
 * The email/password login and the per-user API key it issues on success. Imports no other API's package.
 */
package com.fintechlogin.keycloak.api.emailpassword;
