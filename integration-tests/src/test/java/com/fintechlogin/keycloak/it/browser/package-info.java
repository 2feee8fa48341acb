/**
 * The login theme and Keycloak's admin console in a real headless browser, with their page objects, screenshots and
 * theme texts.
 */
package com.fintechlogin.keycloak.it.browser;
