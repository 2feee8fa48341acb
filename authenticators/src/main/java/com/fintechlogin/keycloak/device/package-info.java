/**
 * The registered-device credential and the device step of PIN/device login: device ids kept under the realm's pepper,
 * device keys and their signed proofs. Must not import pin/: what both need (the pepper, the attempt policy, the
 * sign-in mode) lives below them.
 */
package com.fintechlogin.keycloak.device;
