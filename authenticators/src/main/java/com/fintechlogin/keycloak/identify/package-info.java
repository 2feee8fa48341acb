/**
 * Finding the user: one step per identifier users know (email, mobile number, account number, user name), the
 * browser page that asks for a username, email or mobile number, the stored forms those lookups compare and the
 * user-profile validator that keeps them unique. They refuse a disabled account but check no credential. Must not
 * import api/, partner/ or password/: an API hands its identifier to the flow through the flow's inputs, and the
 * password page finds its user here.
 */
package com.fintechlogin.keycloak.identify;
