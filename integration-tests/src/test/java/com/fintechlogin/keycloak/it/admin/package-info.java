/**
 * What an admin does to a realm: the realm tool's merge and production realm file, every way to lift a lock, and the
 * realm's settings through the settings endpoint and the admin guide's kcadm.sh commands.
 */
package com.fintechlogin.keycloak.it.admin;
