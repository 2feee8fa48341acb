/**
 * The {@code fintech.*} settings of the realm and of its clients as an admin changes them: each setting's name, what it
 * accepts and whether its value is a secret, taken from the constants of the class that reads it (so a name, range or
 * default is written once), and the check a value must pass before it is stored. One {@code Setting} type serves both,
 * so realm and client settings are checked alike. Reads nothing at login. Must not import admin/: the admin endpoint
 * builds on it.
 */
package com.fintechlogin.keycloak.settings;
