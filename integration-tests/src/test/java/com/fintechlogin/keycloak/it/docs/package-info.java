/** The guides' curl examples, run against the shared server. */
package com.fintechlogin.keycloak.it.docs;
