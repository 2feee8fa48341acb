package com.fintechlogin.keycloak.limit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/**
 * One counter of consecutive failures: one row per realm, user and credential kind, in the Keycloak database so
 * that every node counts in the same place. The table comes from {@code META-INF/fintech-attempts-changelog.xml}.
 *
 * <p>No foreign keys to the realm or user tables: users of a federation provider have no row there, and the
 * rows of removed users and realms are deleted by {@link AttemptCleanup}. The unique constraint is also the
 * index each statement below finds its single row by; a prefix of it serves the deletions.
 *
 * <p>The writes are the bulk updates below, never dirty checking of a loaded entity: each decides in the database,
 * in one statement, from the row as it is when the statement runs. Rows read are detached at once
 * ({@link AttemptStore}), since a bulk update bypasses the entity manager and a managed copy would go stale. Not
 * final, as JPA requires.
 */
@Entity(name = CredentialAttemptEntity.NAME)
@Table(name = "FINTECH_CREDENTIAL_ATTEMPT", uniqueConstraints = @UniqueConstraint(
        name = "UK_FINTECH_CRED_ATTEMPT", columnNames = {"REALM_ID", "USER_ID", "CREDENTIAL_KIND"}))
@NamedQueries({
    @NamedQuery(name = CredentialAttemptEntity.FIND, query = "select a from " + CredentialAttemptEntity.NAME + " a"
            + " where a.realmId = :realmId and a.userId = :userId and a.kind = :kind"),
    // Read with a pessimistic write lock (AttemptStore#lockUnlessLocked): a row whose lock is in force is not read
    // and so not locked, and a row another transaction holds is re-read against this condition once it is free.
    @NamedQuery(name = CredentialAttemptEntity.FIND_UNLESS_LOCKED, query = "select a from " + CredentialAttemptEntity.NAME + " a"
            + " where a.realmId = :realmId and a.userId = :userId and a.kind = :kind and a.lockedUntil <= :now"),
    // :failuresAfterLock is 0, or limit - 1 for a policy whose locks grow (AttemptPolicy#failuresAfterLock).
    @NamedQuery(name = CredentialAttemptEntity.CLEAR_EXPIRED_LOCK, query = "update " + CredentialAttemptEntity.NAME
            + " a set a.failures = :failuresAfterLock, a.lockedUntil = 0"
            + " where a.realmId = :realmId and a.userId = :userId and a.kind = :kind"
            + " and a.lockedUntil > 0 and a.lockedUntil <= :now"),
    // Keycloak's maximum delta time: failures, and the consecutive locks with them, forgotten when the last one is
    // older than :forgetBefore and no lock is in force (an ended lock or none: lockedUntil <= :now includes 0).
    @NamedQuery(name = CredentialAttemptEntity.FORGET_STALE, query = "update " + CredentialAttemptEntity.NAME
            + " a set a.failures = 0, a.lockedUntil = 0, a.lockouts = 0"
            + " where a.realmId = :realmId and a.userId = :userId and a.kind = :kind"
            + " and a.lockedUntil <= :now and a.lastFailure > 0 and a.lastFailure < :forgetBefore"
            + " and (a.failures <> 0 or a.lockouts <> 0)"),
    // The lock's end, :lockedUntil, is AttemptPolicy#lockedUntil for :locksBefore consecutive locks (growth and
    // escalation included), and the statement counts only on a row that still holds :locksBefore of them: computed in
    // Java, written only where it was computed for, on every database alike (no arithmetic in SQL). lockedUntil is
    // assigned first and lockouts second, so that both read the old failures on MySQL/MariaDB too, which evaluate
    // single-table assignments left to right (standard SQL reads the old row in every assignment). The cast keeps H2
    // from typing the parameter after the literal 0 (INTEGER), which epoch millis overflow.
    @NamedQuery(name = CredentialAttemptEntity.RESERVE, query = "update " + CredentialAttemptEntity.NAME + " a set"
            + " a.lockedUntil = case when a.failures + 1 < :limit then 0L else cast(:lockedUntil as Long) end,"
            + " a.lockouts = case when a.failures + 1 < :limit then a.lockouts else a.lockouts + 1 end,"
            + " a.failures = a.failures + 1, a.lastFailure = :now"
            + " where a.realmId = :realmId and a.userId = :userId and a.kind = :kind"
            + " and a.lockedUntil = 0 and a.failures < :limit and a.lockouts = :locksBefore"),
    @NamedQuery(name = CredentialAttemptEntity.LOCK_OVER_LIMIT, query = "update " + CredentialAttemptEntity.NAME + " a set"
            + " a.lockedUntil = cast(:lockedUntil as Long), a.lockouts = a.lockouts + 1"
            + " where a.realmId = :realmId and a.userId = :userId and a.kind = :kind"
            + " and a.lockedUntil = 0 and a.failures >= :limit and a.lockouts = :locksBefore"),
    @NamedQuery(name = CredentialAttemptEntity.RESET, query = "update " + CredentialAttemptEntity.NAME
            + " a set a.failures = 0, a.lockedUntil = 0, a.lockouts = 0"
            + " where a.realmId = :realmId and a.userId = :userId and a.kind = :kind"
            + " and (a.failures <> 0 or a.lockedUntil <> 0 or a.lockouts <> 0)"),
    @NamedQuery(name = CredentialAttemptEntity.RESET_USER, query = "update " + CredentialAttemptEntity.NAME
            + " a set a.failures = 0, a.lockedUntil = 0, a.lockouts = 0"
            + " where a.realmId = :realmId and a.userId = :userId"
            + " and (a.failures <> 0 or a.lockedUntil <> 0 or a.lockouts <> 0)"),
    @NamedQuery(name = CredentialAttemptEntity.RESET_REALM, query = "update " + CredentialAttemptEntity.NAME
            + " a set a.failures = 0, a.lockedUntil = 0, a.lockouts = 0"
            + " where a.realmId = :realmId"
            + " and (a.failures <> 0 or a.lockedUntil <> 0 or a.lockouts <> 0)"),
    @NamedQuery(name = CredentialAttemptEntity.DELETE_BY_USER, query = "delete from " + CredentialAttemptEntity.NAME
            + " a where a.realmId = :realmId and a.userId = :userId"),
    @NamedQuery(name = CredentialAttemptEntity.DELETE_BY_REALM, query = "delete from " + CredentialAttemptEntity.NAME
            + " a where a.realmId = :realmId")
})
public class CredentialAttemptEntity {

    static final String NAME = "FintechCredentialAttempt";
    static final String FIND = "fintechCredentialAttempt.find";
    /** The row unless its lock is in force (an ended lock, or none); read under a pessimistic write lock. */
    static final String FIND_UNLESS_LOCKED = "fintechCredentialAttempt.findUnlessLocked";
    /**
     * Turns a lock that has ended into an unlocked counter, so that the reservation after it starts from zero failures
     * (or, where locks grow, from one short of the limit); the count of consecutive locks stays, so that the next lock
     * lengthens and escalates.
     */
    static final String CLEAR_EXPIRED_LOCK = "fintechCredentialAttempt.clearExpiredLock";
    /** Forgets failures and consecutive locks whose last failure is old enough, for a policy that forgets. */
    static final String FORGET_STALE = "fintechCredentialAttempt.forgetStale";
    /**
     * Counts one more failure if, and only if, the counter is unlocked, below the limit and still at the consecutive
     * locks the lock's end was computed for; the failure that reaches the limit also counts a lock and sets that end.
     */
    static final String RESERVE = "fintechCredentialAttempt.reserve";
    /** Locks failures already at a limit that was lowered since, as reaching the limit would have (growth and escalation included). */
    static final String LOCK_OVER_LIMIT = "fintechCredentialAttempt.lockOverLimit";
    /** A right credential or an administrator: no failures, no lock, no consecutive locks. */
    static final String RESET = "fintechCredentialAttempt.reset";
    /** An administrator's unlock of a user: every kind's counter clean; no write for those already clean. */
    static final String RESET_USER = "fintechCredentialAttempt.resetUser";
    /** An administrator's unlock of every user of a realm, likewise. */
    static final String RESET_REALM = "fintechCredentialAttempt.resetRealm";
    static final String DELETE_BY_USER = "fintechCredentialAttempt.deleteByUser";
    static final String DELETE_BY_REALM = "fintechCredentialAttempt.deleteByRealm";

    @Id
    @Column(name = "ID", length = 36, nullable = false)
    private String id;

    @Column(name = "REALM_ID", length = AttemptKey.MAX_REALM_ID_LENGTH, nullable = false)
    private String realmId;

    @Column(name = "USER_ID", length = AttemptKey.MAX_USER_ID_LENGTH, nullable = false)
    private String userId;

    @Column(name = "CREDENTIAL_KIND", length = AttemptKey.MAX_KIND_LENGTH, nullable = false)
    private String kind;

    @Column(name = "FAILURES", nullable = false)
    private int failures;

    /** Epoch millis; 0 when not locked, {@link Long#MAX_VALUE} until an administrator unlocks. */
    @Column(name = "LOCKED_UNTIL", nullable = false)
    private long lockedUntil;

    /**
     * Consecutive locks: counted by the reservation that reaches the limit, kept when a temporary lock ends, reset
     * by a right credential, an administrator or (where the policy forgets) a quiet time. Decides how long the next
     * lock lasts and when a lock escalates to one until an administrator unlocks.
     */
    @Column(name = "LOCKOUTS", nullable = false)
    private int lockouts;

    /** Epoch millis of the last counted failure (reservation); 0 if none. Decides when a policy that forgets forgets. */
    @Column(name = "LAST_FAILURE", nullable = false)
    private long lastFailure;

    protected CredentialAttemptEntity() {
        // For JPA.
    }

    CredentialAttemptEntity(String id, AttemptKey key, int failures, long lockedUntil, int lockouts, long lastFailure) {
        this.id = id;
        this.realmId = key.realmId();
        this.userId = key.userId();
        this.kind = key.kind();
        this.failures = failures;
        this.lockedUntil = lockedUntil;
        this.lockouts = lockouts;
        this.lastFailure = lastFailure;
    }

    public String getId() {
        return id;
    }

    public String getRealmId() {
        return realmId;
    }

    public String getUserId() {
        return userId;
    }

    public String getKind() {
        return kind;
    }

    public int getFailures() {
        return failures;
    }

    public long getLockedUntil() {
        return lockedUntil;
    }

    public int getLockouts() {
        return lockouts;
    }

    public long getLastFailure() {
        return lastFailure;
    }
}
