/**
 * The password check (Keycloak's password credential behind the exact limiter), the password step of the APIs and the
 * browser page that takes a mobile number and a password. Must not import api/.
 */
package com.fintechlogin.keycloak.password;
