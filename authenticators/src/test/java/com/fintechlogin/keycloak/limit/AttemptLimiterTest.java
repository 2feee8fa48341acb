package com.fintechlogin.keycloak.limit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.ModelException;

/** The limiter's retries, with the database replaced by scripted transaction outcomes. */
class AttemptLimiterTest {

    private static final AttemptKey KEY = new AttemptKey("realm", "user", CredentialKinds.PIN);
    private static final AttemptPolicy POLICY = new AttemptPolicy(5, 60_000);
    private static final Reservation FIRST = new Reservation(Reservation.Outcome.RESERVED, 1, 5, 0, 0);

    @Test
    void countsAgainInANewTransactionWhenAnotherNodeInsertedTheFirstCounter() {
        ScriptedTransactions transactions = new ScriptedTransactions(
                new ModelDuplicateException("duplicate"), FIRST);

        Reservation reservation = new AttemptLimiter(transactions, () -> 1L).reserve(KEY, POLICY);

        assertThat(reservation).isEqualTo(FIRST);
        assertThat(transactions.runs).isEqualTo(2);
    }

    @Test
    void countsAgainWhenTheCounterChangedBetweenItsStatements() {
        ScriptedTransactions transactions = new ScriptedTransactions(ScriptedTransactions.INCONCLUSIVE, FIRST);

        assertThat(new AttemptLimiter(transactions, () -> 1L).reserve(KEY, POLICY)).isEqualTo(FIRST);
        assertThat(transactions.runs).isEqualTo(2);
    }

    @Test
    void givesUpRatherThanReserveWhenTheCounterNeverSettles() {
        Object[] script = new Object[AttemptLimiter.MAX_TRANSACTIONS];
        for (int i = 0; i < script.length; i++) {
            script[i] = i % 2 == 0 ? new ModelDuplicateException("duplicate") : ScriptedTransactions.INCONCLUSIVE;
        }
        ScriptedTransactions transactions = new ScriptedTransactions(script);

        assertThatThrownBy(() -> new AttemptLimiter(transactions, () -> 1L).reserve(KEY, POLICY))
                .isInstanceOf(ModelException.class);
        assertThat(transactions.runs).isEqualTo(AttemptLimiter.MAX_TRANSACTIONS);
    }

    @Test
    void aDatabaseFailureIsThrownNotAnsweredAsReserved() {
        ScriptedTransactions transactions = new ScriptedTransactions(new ModelException("connection refused"));

        assertThatThrownBy(() -> new AttemptLimiter(transactions, () -> 1L).reserve(KEY, POLICY))
                .isInstanceOf(ModelException.class)
                .hasMessage("connection refused");
        assertThat(transactions.runs).isEqualTo(1);
    }

    /** Answers each transaction with the next scripted value, or throws it; never runs the work. */
    private static final class ScriptedTransactions implements Transactions {

        static final Object INCONCLUSIVE = new Object();

        private final Deque<Object> script = new ArrayDeque<>();
        int runs;

        ScriptedTransactions(Object... script) {
            this.script.addAll(java.util.List.of(script));
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T inNewTransaction(Function<AttemptStore, T> work) {
            runs++;
            Object next = script.removeFirst();
            if (next instanceof RuntimeException failure) {
                throw failure;
            }
            return next == INCONCLUSIVE ? null : (T) next;
        }
    }
}
