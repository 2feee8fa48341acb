/**
 * The PIN credential (hash, pepper use, import of seeded PINs), the PIN check behind the exact limiter, the PIN step of
 * the API and the token endpoint, the PIN page and the Set PIN required action. May read device/ for a PIN that
 * must come from a registered device; device/ must not import pin/.
 */
package com.fintechlogin.keycloak.pin;
