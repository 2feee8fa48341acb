/**
 * Reading JSON request bodies: the lenient reader every request shares and what a parse gives. Imports nothing of the
 * project, so that api/, partner/ and admin/ may all use it.
 */
package com.fintechlogin.keycloak.json;
