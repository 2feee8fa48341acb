/**
 * The card portal's login (mobile number and password, signed with the affiliate's checksum). Imports no other API's
 * package: each API keeps its own codes and words.
 */
package com.fintechlogin.keycloak.api.cardportal;
