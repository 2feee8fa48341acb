/**
 * The exact attempt limiter: its table, the realm's brute-force policy, the PIN attempt policy that PIN and device
 * login share, and the listener that follows Keycloak's unlock. Beside it, the failure budgets per caller
 * ({@link com.fintechlogin.keycloak.limit.CallerBudgets}): a sibling with a table of its own rather than the limiter
 * keyed by caller, because the two count differently — the limiter counts a user's consecutive failures, which a
 * right credential clears and which lock with escalation, holding the user's row across the evaluation; a budget
 * counts a caller's failures in a fixed window, which no right credential clears, and must not hold a row that every
 * customer of an app shares across an evaluation. They share the way of counting (one conditional UPDATE that the
 * database re-checks under the row lock, work in short transactions of its own, a duplicate first insert retried)
 * and the database, so both are exact on every node. Imports nothing of the project: every credential step imports it.
 */
package com.fintechlogin.keycloak.limit;
