/**
 * Managing a signed-in user's own credentials: setting the PIN and registering or removing a device, with the user's
 * token. Shares the PIN/device login's codes (api/pindevice), and no other API's package.
 */
package com.fintechlogin.keycloak.api.manage;
