package com.fintechlogin.keycloak.limit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/**
 * The failures one caller (a source address or a calling client, {@link CallerKey}) had evaluated in its current
 * window, or, in a row of its own ({@code success:...} keys, {@link CallerBudgets}), the logins it completed: one row
 * per realm and caller, in the Keycloak database so that every node counts in the same place. The
 * table comes from {@code META-INF/fintech-caller-budgets-changelog.xml}; its unique constraint is the index every
 * statement finds its row by.
 *
 * <p>As for {@link CredentialAttemptEntity}, every write is one bulk update that decides in the database from the row
 * as it is when the statement runs; rows are read as values, never managed ({@link CallerBudgetStore#findAll}). Not
 * final, as JPA requires.
 */
@Entity(name = CallerBudgetEntity.NAME)
@Table(name = "FINTECH_CALLER_BUDGET", uniqueConstraints = @UniqueConstraint(
        name = "UK_FINTECH_CALLER_BUDGET", columnNames = {"REALM_ID", "CALLER"}))
@NamedQueries({
    // One more failure if the window has room, or the first of a new window if it ended. The WHERE clause is
    // re-checked against the committed row by a statement that waited for the row lock (PostgreSQL READ COMMITTED,
    // H2 MVStore), so of N concurrent reservations against limit L at most L are counted. failures is assigned
    // before windowEnd, so that both read the old windowEnd on MySQL/MariaDB too, which assign left to right. The
    // casts keep H2 from typing the epoch millis parameters as INTEGER.
    @NamedQuery(name = CallerBudgetEntity.RESERVE, query = "update " + CallerBudgetEntity.NAME + " b set"
            + " b.failures = case when b.windowEnd <= cast(:now as Long) then 1 else b.failures + 1 end,"
            + " b.windowEnd = case when b.windowEnd <= cast(:now as Long) then cast(:windowEnd as Long)"
            + " else b.windowEnd end"
            + " where b.realmId = :realmId and b.caller = :caller"
            + " and (b.windowEnd <= cast(:now as Long) or b.failures < :limit)"),
    // Gives back a reservation of the window it was made in: a right credential, or a request refused by the next
    // budget. A reservation of an ended window is gone with it.
    @NamedQuery(name = CallerBudgetEntity.REFUND, query = "update " + CallerBudgetEntity.NAME + " b set"
            + " b.failures = b.failures - 1"
            + " where b.realmId = :realmId and b.caller = :caller and b.windowEnd = cast(:windowEnd as Long)"
            + " and b.failures > 0"),
    // The first refusal of a caller in a window notes it, so that one event per caller and window is recorded
    // however many requests the budget refuses: the statement that changes the row is the one that records it.
    @NamedQuery(name = CallerBudgetEntity.NOTE_REFUSAL, query = "update " + CallerBudgetEntity.NAME + " b set"
            + " b.notedWindowEnd = b.windowEnd"
            + " where b.realmId = :realmId and b.caller = :caller and b.windowEnd = cast(:windowEnd as Long)"
            + " and b.notedWindowEnd <> b.windowEnd"),
    @NamedQuery(name = CallerBudgetEntity.DELETE_ENDED, query = "delete from " + CallerBudgetEntity.NAME
            + " b where b.windowEnd < cast(:now as Long)"),
    @NamedQuery(name = CallerBudgetEntity.DELETE_BY_REALM, query = "delete from " + CallerBudgetEntity.NAME
            + " b where b.realmId = :realmId")
})
public class CallerBudgetEntity {

    static final String NAME = "FintechCallerBudget";
    static final String RESERVE = "fintechCallerBudget.reserve";
    static final String REFUND = "fintechCallerBudget.refund";
    static final String NOTE_REFUSAL = "fintechCallerBudget.noteRefusal";
    /** Rows whose window ended: the next failure of their caller starts from a new row, as from a reset one. */
    static final String DELETE_ENDED = "fintechCallerBudget.deleteEnded";
    static final String DELETE_BY_REALM = "fintechCallerBudget.deleteByRealm";

    @Id
    @Column(name = "ID", length = 36, nullable = false)
    private String id;

    @Column(name = "REALM_ID", length = AttemptKey.MAX_REALM_ID_LENGTH, nullable = false)
    private String realmId;

    @Column(name = "CALLER", length = CallerKey.MAX_CALLER_LENGTH, nullable = false)
    private String caller;

    /** Failures reserved in the current window. */
    @Column(name = "FAILURES", nullable = false)
    private int failures;

    /** Logins completed in the current window; only in a success row, whose FAILURES stays 0. */
    @Column(name = "SUCCESSES", nullable = false)
    private int successes;

    /** Epoch millis the current window ends. */
    @Column(name = "WINDOW_END", nullable = false)
    private long windowEnd;

    /** The window end of the last window a refusal of this caller was recorded in (an event), 0 for none. */
    @Column(name = "NOTED_WINDOW_END", nullable = false)
    private long notedWindowEnd;

    protected CallerBudgetEntity() {
        // For JPA.
    }

    CallerBudgetEntity(String id, CallerKey key, int failures, long windowEnd) {
        this.id = id;
        this.realmId = key.realmId();
        this.caller = key.caller();
        this.failures = failures;
        this.windowEnd = windowEnd;
    }

    /** A row as a plain read found it: a value, never managed (its id is not read). */
    static CallerBudgetEntity read(String realmId, String caller, int failures, int successes, long windowEnd,
            long notedWindowEnd) {
        CallerBudgetEntity row = new CallerBudgetEntity(null, new CallerKey(realmId, caller), failures, windowEnd);
        row.successes = successes;
        row.notedWindowEnd = notedWindowEnd;
        return row;
    }

    public String getId() {
        return id;
    }

    public String getRealmId() {
        return realmId;
    }

    public String getCaller() {
        return caller;
    }

    public int getFailures() {
        return failures;
    }

    public int getSuccesses() {
        return successes;
    }

    public long getWindowEnd() {
        return windowEnd;
    }

    public long getNotedWindowEnd() {
        return notedWindowEnd;
    }
}
