/**
 * The card portal's request signature: the affiliate's processor key, the checksum over the request and its replay
 * window. Must not import api/: the signature is checked the same wherever the request arrives.
 */
package com.fintechlogin.keycloak.cardportal;
