/**
 * The lending app's mobile sign-in: the app vouches for the user by mobile number with its own token. Imports no other
 * API's package.
 */
package com.fintechlogin.keycloak.api.mobilesignin;
