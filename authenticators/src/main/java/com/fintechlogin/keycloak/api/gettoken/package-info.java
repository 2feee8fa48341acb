/**
 * The marketplace's token API: an app's own token for its client id and secret. Imports no other API's package.
 */
package com.fintechlogin.keycloak.api.gettoken;
