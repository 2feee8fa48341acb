/**
 * The PIN and device notices: which event calls for which mail, and the listener that sends them once the request
 * commits. Must not import api/: a notice follows the event, whichever route caused it.
 */
package com.fintechlogin.keycloak.notify;
