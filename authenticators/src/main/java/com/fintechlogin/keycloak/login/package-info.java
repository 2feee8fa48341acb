/**
 * The login pipeline and what every step shares: running a client's direct-grant flow and issuing tokens, failure
 * reasons, login events, the step base classes, the flow's inputs, the PIN/device sign-in mode, browser-form and
 * brute-force helpers. Must not import a step's package or api/: they all build on it.
 */
package com.fintechlogin.keycloak.login;
