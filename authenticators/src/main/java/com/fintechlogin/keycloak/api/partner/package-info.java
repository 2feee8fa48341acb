/**
 * The partner login: an encrypted payload with user name and password, for a client with the partner role. Imports
 * no other API's package; the payload's cryptography lives in partner/.
 */
package com.fintechlogin.keycloak.api.partner;
