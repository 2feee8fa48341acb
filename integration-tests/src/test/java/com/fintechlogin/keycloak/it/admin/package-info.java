/** What an admin does to a realm: the realm tool's merge and production realm file, and every way to lift a lock. */
package com.fintechlogin.keycloak.it.admin;
