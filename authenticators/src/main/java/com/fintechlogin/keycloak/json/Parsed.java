package com.fintechlogin.keycloak.json;

/**
 * What parsing a request gives: the request, or what is wrong with it (a field name, a failure, ...). Each
 * {@code parse} method says what its problem value means.
 *
 * @param <T> the parsed request
 * @param <P> what a refusal names
 */
public sealed interface Parsed<T, P> {

    /** The request as parsed. */
    record Valid<T, P>(T value) implements Parsed<T, P> {
        /** Never prints a value that is bare text (an admin's PIN); a request prints as its own type allows. */
        @Override
        public String toString() {
            return "Valid[value=" + (value instanceof CharSequence ? "***" : value) + "]";
        }
    }

    /** What is wrong with the request. */
    record Invalid<T, P>(P problem) implements Parsed<T, P> {
    }
}
