/**
 * The realm's {@code fintech.*} settings as an admin changes them: each setting's name and what it accepts, taken from
 * the constants of the class that reads it (so a name, range or default is written once), and the check a value must
 * pass before it is stored. Reads nothing at login. Must not import admin/: the admin endpoint builds on it.
 */
package com.fintechlogin.keycloak.settings;
