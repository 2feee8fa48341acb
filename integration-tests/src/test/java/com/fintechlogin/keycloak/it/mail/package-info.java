/** The mails a user gets when their PIN or devices change or their PIN locks. */
package com.fintechlogin.keycloak.it.mail;
