/**
 * The exact attempt limiter: its table, the realm's brute-force policy, the PIN attempt policy that PIN and device
 * login share, and the listener that follows Keycloak's unlock. Beside it, the failure budgets per caller
 * ({@link com.fintechlogin.keycloak.limit.CallerBudgets}): a sibling with a table of its own rather than the limiter
 * keyed by caller, because the two count differently — the limiter counts a user's consecutive failures, which a
 * right credential clears and which lock with escalation, holding the user's row across the evaluation; a budget
 * counts a caller's failures in a fixed window, which no right credential clears, and must not hold a row that every
 * customer of an app shares across an evaluation, so it admits on a plain read and writes only failures, reserving
 * with the limiter's kind of conditional UPDATE (re-checked by the database under the row lock) only near the end of
 * a budget. Both count in the database, so both hold on every node. Imports nothing of the project: every credential
 * step imports it.
 */
package com.fintechlogin.keycloak.limit;
