/**
 * The admin endpoints under {@code /admin/realms/{realm}/fintech}: a user's PIN, its lock and the user's registered
 * devices, each behind Keycloak's own permission check on the user; the realm's settings and a client's, checked by
 * settings/, behind its permission check on the realm or the client. May read bodies with api/http; must not import an
 * API's own package: admin calls are not logins and do not answer in a login API's words.
 */
package com.fintechlogin.keycloak.admin;
