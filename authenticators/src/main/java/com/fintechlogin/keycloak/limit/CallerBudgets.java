package com.fintechlogin.keycloak.limit;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.ModelException;

/**
 * One login request's charges against its caller's failure budgets: at most {@link FailureBudget#limit()} failures
 * per window evaluated for one source address, and for one calling client, whichever users they name. Keycloak's
 * brute-force detection, and the {@link AttemptLimiter}, count per user; a caller that sends one wrong password to each
 * of thousands of users never reaches any user's limit, and these budgets are what stops it. One instance per request,
 * held by the request's Keycloak session ({@link #of}), so that the API around a flow and every step of it share it.
 *
 * <h2>Admit on a read, count failures only</h2>
 * {@link #admitAddress} and {@link #admitClient} read the caller's row in the request's own transaction: a right login
 * of a caller with room writes nothing and takes no transaction of its own. An address far from its budgets is not
 * even read: until its failures reach {@link #failureWatchFrom} (or its successes {@link #successWatchFrom}) in its
 * window, every answer of its rows would admit it, and the count that reaches the watch puts it on the cluster's
 * {@link Watchlist}, from which on its rows are read. The watch lies at most halfway to where reservations begin, so the
 * requests admitted unread while that count commits cannot reach the budget. A failure is counted when the login fails
 * ({@link #failed}), in one short transaction of its own. A plain read does not see the requests of the same caller
 * still in flight, so near the end of a budget — fewer than {@link #margin} failures left — a request reserves its
 * failure before it is evaluated instead, with one conditional UPDATE ({@link CallerBudgetEntity#RESERVE}) that the
 * database re-checks under the row lock, and a success gives it back ({@link #succeeded}). A caller with up to
 * {@code margin} requests in flight at once is held to its budget exactly, on every node; one with more goes over by
 * at most the excess, since each request admitted on a read was admitted with {@code margin} failures still left.
 *
 * <h2>Whose budget</h2>
 * The address budget refuses an address over it. A client's budget is charged only in the flow, after the API or
 * Keycloak's token endpoint authenticated the client (its secret, app token, checksum or HMAC); a public client's
 * identity is anyone's, as is an app key that ships in every copy of the app, so a client over its budget refuses only
 * addresses that have themselves failed in their window ({@link #clientRefusesAfter} times): a customer from a clean
 * address still logs in.
 *
 * <h2>Windows</h2>
 * Fixed: the first failure after a caller's window ended opens the next one, of {@link FailureBudget#windowMillis()};
 * a refusal opens none, so a caller that keeps sending while refused is admitted again when its window ends, never
 * later. Rows of ended windows are dead and are removed by {@link CallerBudgetCleanup}. The first refusal of a caller in
 * a window says so ({@link Refusal#firstInWindow()}), so that one event per caller and window is recorded.
 *
 * <h2>Successes</h2>
 * A right credential ({@link #rightCredential}), in the request these budgets admitted and that checked it, counts one
 * success of its source address and one of the client they admitted, in rows of their own ({@code success:address:<source>},
 * {@code success:client:<id>#<shard>}), in the login's own transaction as its last statements: no transaction of its
 * own. The address's success row is read with its failure row in one SELECT; an address that completed its success
 * budget's logins in the window is refused, a read being enough (it goes over by its logins in flight, and by counts the
 * database dropped). A
 * client's successes are spread over {@link #SUCCESS_SHARDS} rows, one per hash of the address, so that a busy app's
 * logins across the cluster do not all wait for one row lock; its standing is their sum. As for failures, a client
 * over its success budget refuses only addresses that themselves completed {@link #clientRefusesAfterSuccesses} logins
 * in their window. Success windows are aligned to the epoch ({@link #successWindowEnd}), so that a client's shards
 * share one window.
 *
 * <p>A database failure of a read or a reservation is thrown, never answered as an admission: callers fail closed.
 * Counting a failure and giving a reservation back happen after the answer is decided, and are best effort: a database
 * failure there is logged, never turned into an error answer.
 */
public final class CallerBudgets {

    private static final Logger LOG = Logger.getLogger(CallerBudgets.class);
    private static final String ATTRIBUTE = CallerBudgets.class.getName();

    /** Rounds one write may take when a row appears or goes under it (concurrent first insert, cleanup). */
    static final int MAX_TRANSACTIONS = 5;
    /**
     * Requests of one caller in flight at once that a budget absorbs exactly: a tenth of the budget, and at least this,
     * or the whole budget when it is smaller (then every request of that caller reserves).
     */
    static final int MIN_MARGIN = 50;
    /** Failures of its own in the window an address needs before a client over its budget refuses it, at least. */
    static final int MIN_ADDRESS_FAILURES = 3;
    /** Logins of its own in the window an address needs before a client over its success budget refuses it, at least. */
    static final int MIN_ADDRESS_SUCCESSES = 3;
    /** Rows a client's successes are spread over: as many of its logins as this commit at once across the cluster. */
    static final int SUCCESS_SHARDS = 8;
    private static final String SUCCESS_PREFIX = "success:";
    private static final String WATCH_PREFIX = "fintech-budget-watch:";

    /** What a budget counts, as events name it. */
    public enum Kind {
        /** Failures the caller answers for: wrong credentials, unknown users, malformed requests. */
        FAILURES("failures", "too_many_failures"),
        /** Right credentials: a login's, counted in the request that checked it. */
        SUCCESSES("successes", "too_many_logins");

        private final String detail;
        private final String eventError;

        Kind(String detail, String eventError) {
            this.detail = detail;
            this.eventError = eventError;
        }

        /** The name in events and logs. */
        public String detail() {
            return detail;
        }

        /**
         * The error of the event that records a refusal by this kind of budget: an admin's alert on failures must not
         * read a caller with many right logins (an office, a partner's server) as a guesser.
         */
        public String eventError() {
            return eventError;
        }
    }

    /** What kind of caller a budget counts, as events and answers name it. */
    public enum Caller {
        /** The source address, as Keycloak sees it (its proxy-headers option decides whether a proxy's header counts). */
        ADDRESS("address"),
        /** The calling client (app, affiliate, partner API client, the browser pages' clients). */
        CLIENT("client");

        private final String detail;

        Caller(String detail) {
            this.detail = detail;
        }

        /** The name in events and logs. */
        public String detail() {
            return detail;
        }
    }

    /** One budget a request is charged to: whose, and how much that caller may fail. */
    record Charge(Caller caller, String id, FailureBudget budget) {

        Charge {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(budget, "budget");
        }

        CallerKey key(String realmId) {
            return new CallerKey(realmId, caller.detail() + ":" + id);
        }
    }

    /**
     * A request refused by the {@code kind} budget of {@code by} until its window ends, in {@code retryAfterSeconds}
     * (at least 1); {@code firstInWindow}: the first refusal of that caller and kind in its window, the one to record.
     */
    public record Refusal(Caller by, Kind kind, long retryAfterSeconds, boolean firstInWindow) {
    }

    /** A caller's row as read: failures in its current window (0 when it ended or there is none). */
    private record Standing(int failures, long windowEnd, long notedWindowEnd) {

        static final Standing NONE = new Standing(0, 0, 0);
    }

    /** A success row as read: logins in its current window (0 when it ended or there is none); whether it exists. */
    private record Successes(int successes, long windowEnd, long notedWindowEnd, boolean exists) {

        static final Successes NONE = new Successes(0, 0, 0, false);
    }

    /** A reservation made, to be kept (a failure) or given back (a success). */
    private record Held(CallerKey key, long windowEnd) {
    }

    private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");

    private final BudgetTransactions transactions;
    private final LongSupplier clock;
    private final String realmId;
    private final CallerBudgetSettings settings;
    private final Runnable onFirstReservation;
    private final Supplier<RandomGenerator> random;

    private boolean addressAdmitted;
    /** Whether the admission read the address's rows: an address off the {@link Watchlist} is admitted unread. */
    private boolean addressRead;
    /** The success window whose watchlist entry the admission found for the address; 0 for none. */
    private long successesWatchedUntil;
    private String source;
    private Charge address;
    private Standing addressStanding = Standing.NONE;
    private CallerKey successAddress;
    private Successes addressSuccesses = Successes.NONE;
    private boolean clientAdmitted;
    private boolean loginCounted;
    /** The client whose budgets admitted this request: the one its successes count for. */
    private String admittedClientId;
    private final List<BooleanSupplier> rightCredentials = new ArrayList<>(1);
    private Charge client;
    private final List<Charge> counted = new ArrayList<>(2);
    private final List<Held> held = new ArrayList<>(2);
    private Refusal refusal;
    private boolean settled;
    private boolean failureRecorded;

    /**
     * @param clock epoch millis; Keycloak's {@link Time}, so that its test time offset applies
     * @param onFirstReservation called once, when this request first holds a reservation
     */
    CallerBudgets(BudgetTransactions transactions, LongSupplier clock, String realmId, CallerBudgetSettings settings,
                  Runnable onFirstReservation) {
        this(transactions, clock, realmId, settings, onFirstReservation, ThreadLocalRandom::current);
    }

    /** @param random draws which successes of a sampled budget are written ({@link SuccessSampling}) */
    CallerBudgets(BudgetTransactions transactions, LongSupplier clock, String realmId, CallerBudgetSettings settings,
                  Runnable onFirstReservation, Supplier<RandomGenerator> random) {
        this.transactions = transactions;
        this.clock = clock;
        this.realmId = realmId;
        this.settings = settings;
        this.onFirstReservation = onFirstReservation;
        this.random = random;
    }

    /**
     * The budgets of the request {@code session} serves, in its realm: the same instance for the API and every step of
     * the flow it runs. A reservation the request still holds when it ends without a recorded outcome (Keycloak's token
     * endpoint and browser pages, where no API sees the outcome) is kept if its transaction rolled back and given back
     * if it committed, since every failure of this project's steps is recorded ({@link #failed}) before that.
     */
    public static CallerBudgets of(KeycloakSession session) {
        Object existing = session.getAttribute(ATTRIBUTE);
        if (existing instanceof CallerBudgets budgets) {
            return budgets;
        }
        var realm = session.getContext().getRealm();
        CallerBudgets[] created = new CallerBudgets[1];
        created[0] = new CallerBudgets(BudgetTransactions.of(session), Time::currentTimeMillis, realm.getId(),
                CallerBudgetSettings.of(realm), () -> session.getTransactionManager().enlistAfterCompletion(
                        new AbstractKeycloakTransaction() {
                            @Override
                            protected void commitImpl() {
                                created[0].succeeded();
                            }

                            @Override
                            protected void rollbackImpl() {
                                created[0].failed();
                            }
                        }));
        session.setAttribute(ATTRIBUTE, created[0]);
        return created[0];
    }

    /**
     * The budgets of the request {@code session} serves if it asked them, else null: a request that never asked (a
     * login by a realm's other steps, an identity provider's) has nothing of them to count.
     */
    public static CallerBudgets asked(KeycloakSession session) {
        return session.getAttribute(ATTRIBUTE) instanceof CallerBudgets budgets ? budgets : null;
    }

    /**
     * Before anything of a request is read: the budget of its source address ({@code remoteAddress}, as Keycloak sees
     * it). Null when admitted (again, when it already was); the refusal otherwise.
     */
    public Refusal admitAddress(String remoteAddress) {
        if (refusal != null || addressAdmitted) {
            return refusal;
        }
        addressAdmitted = true;
        source = sourceOf(remoteAddress);
        FailureBudget budget = settings.perAddress().orElse(null);
        FailureBudget counting = budget != null ? budget : settings.perClient()
                // With its own budget off, an address's failures are still counted: the client budget asks for them.
                .map(perClient -> new FailureBudget(CallerBudgetSettings.MAX_FAILURES, perClient.windowMillis()))
                .orElse(null);
        List<String> rows = new ArrayList<>(2);
        if (counting != null) {
            address = new Charge(Caller.ADDRESS, source, counting);
            rows.add(address.key(realmId).caller());
        }
        if (settings.successesPerAddress().isPresent() || settings.successesPerClient().isPresent()) {
            // Counted with either budget on: the client's success budget asks how many the address completed.
            successAddress = new CallerKey(realmId, SUCCESS_PREFIX + Caller.ADDRESS.detail() + ":" + source);
            rows.add(successAddress.caller());
        }
        if (rows.isEmpty()) {
            return null;
        }
        long now = clock.getAsLong();
        // Both rows of the address in one round trip, in the login's own transaction; or, for an address off the
        // watchlist, none: its rows hold fewer than either watch, which admit it as they would.
        Map<String, CallerBudgetEntity> found = Map.of();
        if (mustRead(now)) {
            found = transactions.inRequest(store -> store.findAll(realmId, rows));
            addressRead = true;
        }
        if (successAddress != null) {
            addressSuccesses = successes(found.get(successAddress.caller()), now);
            FailureBudget successBudget = settings.successesPerAddress().orElse(null);
            // Before the failure budget: a plain read refuses here, where the failure budget might reserve first.
            if (successBudget != null && addressSuccesses.successes() >= successBudget.limit()) {
                return refuse(Caller.ADDRESS, Kind.SUCCESSES, successAddress, addressSuccesses.windowEnd(),
                        addressSuccesses.notedWindowEnd(), source);
            }
        }
        if (address == null) {
            return null;
        }
        addressStanding = standing(found.get(address.key(realmId).caller()), now);
        if (budget == null) {
            counted.add(address);
            return null;
        }
        return admit(address, addressStanding);
    }

    /**
     * Whether the admission must read the address's rows: a watch of 0 (a budget too small to leave room under it) reads
     * always; otherwise only an address on the watchlist, for its failures or for its successes in this window.
     */
    private boolean mustRead(long now) {
        boolean read = false;
        if (address != null) {
            read = failureWatchFrom(settings) <= 0 || listed(failureWatchKey());
        }
        if (successAddress != null) {
            long windowEnd = successWindowEnd(now, successWindowMillis());
            if (successWatchFrom(settings) <= 0) {
                read = true;
            } else if (listed(successWatchKey(windowEnd))) {
                // Known, so that the logins of a listed address do not each write the entry again.
                successesWatchedUntil = windowEnd;
                read = true;
            }
        }
        return read;
    }

    /**
     * Whether {@code key} is on the watchlist; if the list cannot be asked (an external Infinispan out of reach), yes:
     * the rows are read, as they were before there was a list, rather than every login refused.
     */
    private boolean listed(String key) {
        try {
            return transactions.watchlist().contains(key);
        } catch (RuntimeException unreachable) {
            LOG.warnf("The caller budgets' watchlist could not be asked (%s); reading the address's rows",
                    unreachable.getClass().getSimpleName());
            return true;
        }
    }

    /**
     * Failures of an address from which it is watched: half the failures it may have before it reserves, and no more
     * than a client over its budget needs to refuse it. Under the watch the admission's answer is the same whatever the
     * count, so none is read; the half left to the reservations absorbs the requests admitted unread while the count
     * that reached the watch was committing. 0 — read always — for a budget of {@link #MIN_MARGIN} or less.
     */
    static int failureWatchFrom(CallerBudgetSettings settings) {
        int from = settings.perAddress().map(budget -> (budget.limit() - margin(budget.limit())) / 2)
                .orElse(Integer.MAX_VALUE);
        return settings.perClient().isPresent() ? Math.min(from, clientRefusesAfter(settings)) : from;
    }

    /**
     * Successes of an address from which it is watched: as for failures, half its success budget less a margin, and no
     * more than a client over its success budget needs to refuse it.
     */
    static int successWatchFrom(CallerBudgetSettings settings) {
        int from = settings.successesPerAddress().map(budget -> (budget.limit() - margin(budget.limit())) / 2)
                .orElse(Integer.MAX_VALUE);
        return settings.successesPerClient().isPresent() ? Math.min(from, clientRefusesAfterSuccesses(settings)) : from;
    }

    private String failureWatchKey() {
        return WATCH_PREFIX + realmId + ":" + source + ":failures";
    }

    /** Per success window, which all callers share: a window's entry never answers for the next. */
    private String successWatchKey(long windowEnd) {
        return WATCH_PREFIX + realmId + ":" + source + ":successes:" + windowEnd;
    }

    private long successWindowMillis() {
        return settings.successesPerAddress().or(settings::successesPerClient).orElseThrow().windowMillis();
    }

    /** Puts the address on the watchlist until {@code windowEnd}; best effort, as a missing entry is put back later. */
    private void watch(String key, long windowEnd, long now) {
        try {
            transactions.watchlist().add(key, retryAfterSeconds(windowEnd, now));
        } catch (RuntimeException notListed) {
            LOG.warnf("An address of realm %s could not be put on the caller budgets' watchlist: %s", realmId,
                    notListed.getClass().getSimpleName());
        }
    }

    /**
     * Before a user is looked up or a credential evaluated, in the flow: the address's budget as {@link #admitAddress},
     * and the budget of the client the flow runs for ({@code clientInternalId}), authenticated by then if it is a
     * confidential one. Over its budget, the client refuses only an address that failed in its window
     * ({@link #clientRefusesAfter} times). Null when
     * admitted; the refusal otherwise.
     */
    public Refusal admitClient(String remoteAddress, String clientInternalId) {
        Refusal byAddress = admitAddress(remoteAddress);
        if (byAddress != null || clientAdmitted) {
            return byAddress;
        }
        clientAdmitted = true;
        admittedClientId = clientInternalId;
        Refusal bySuccesses = admitClientSuccesses(clientInternalId);
        if (bySuccesses != null || settings.perClient().isEmpty()) {
            return bySuccesses;
        }
        client = new Charge(Caller.CLIENT, clientInternalId, settings.perClient().get());
        if (addressStanding.failures() < clientRefusesAfter(settings)) {
            // The client's budget never refuses an address that has not failed repeatedly itself, so nothing is read or
            // reserved on the client's row for it: a right login from anywhere must not queue on the row of a client an
            // attacker drove near its budget, nor fail with it. Its failure, if it fails, is counted all the same.
            counted.add(client);
            return null;
        }
        return admit(client, read(client));
    }

    /**
     * The client's success budget: read only for an address that completed {@link #clientRefusesAfterSuccesses} logins
     * itself in its window, so that a client driven over its budget never refuses a customer from a clean address, and
     * that address never reads the client's rows. The client's standing is the sum of its shards, in one SELECT.
     */
    private Refusal admitClientSuccesses(String clientInternalId) {
        FailureBudget budget = settings.successesPerClient().orElse(null);
        if (budget == null || addressSuccesses.successes() < clientRefusesAfterSuccesses(settings)) {
            return null;
        }
        List<String> shards = new ArrayList<>(SUCCESS_SHARDS);
        for (int shard = 0; shard < SUCCESS_SHARDS; shard++) {
            shards.add(successClientKey(clientInternalId, shard).caller());
        }
        Map<String, CallerBudgetEntity> found = transactions.inRequest(store -> store.findAll(realmId, shards));
        long now = clock.getAsLong();
        int total = 0;
        CallerKey noted = null;
        Successes first = Successes.NONE;
        for (int shard = 0; shard < SUCCESS_SHARDS; shard++) {
            Successes standing = successes(found.get(shards.get(shard)), now);
            total += standing.successes();
            if (noted == null && standing.successes() > 0) {
                // The refusal is noted on the first shard of the window: one event per client and window, unless a
                // shard before it opens later in the same window (then one more, at most one per shard).
                noted = successClientKey(clientInternalId, shard);
                first = standing;
            }
        }
        if (total < budget.limit()) {
            return null;
        }
        return refuse(Caller.CLIENT, Kind.SUCCESSES, noted, first.windowEnd(), first.notedWindowEnd(), clientInternalId);
    }

    /**
     * A credential of this request was evaluated and right: one success of the address and one of the client these
     * budgets admitted (its shard), counted in the request's own transaction as its last statements (for a budget over
     * {@link SuccessSampling#EXACT_UP_TO}, written for a sample of the successes, each adding its weight). A success is a
     * right credential, counted where it was checked, not a completed login: a login may complete in a later request
     * (a required action, a second factor on the next page) that never asks the budgets, or never (Keycloak's password
     * grant refuses a user with pending required actions after the right password). Only for a request these budgets
     * admitted; once per request, however many credentials it checked. A counting failure is logged and the login
     * commits all the same.
     */
    public void rightCredential() {
        rightCredentialIf(() -> true);
    }

    /**
     * As {@link #rightCredential}, if {@code right} holds when the request is about to commit: for a credential checked
     * by steps that are not this project's (Keycloak's password steps), whose verdict is known only by what they leave
     * behind. Evaluated once, in the prepare phase.
     */
    public void rightCredentialIf(BooleanSupplier right) {
        if (successAddress == null || refusal != null) {
            return;
        }
        rightCredentials.add(right);
        if (rightCredentials.size() > 1) {
            return;
        }
        List<CallerBudgetStore.Tally> tallies = sampledTallies();
        if (tallies.isEmpty()) {
            // Nothing of this login is written: no work before its commit, not even a flush.
            return;
        }
        transactions.beforeCommit(store -> {
            if (loginCounted || refusal != null || rightCredentials.stream().noneMatch(BooleanSupplier::getAsBoolean)) {
                return;
            }
            loginCounted = true;
            List<CallerKey> keys = tallies.stream().map(CallerBudgetStore.Tally::key).toList();
            // What the admission read of the address's row, if it read it: which statement comes first.
            CallerKey knownAbsent = addressRead && !addressSuccesses.exists() ? successAddress : null;
            CallerKey knownPresent = addressRead && addressSuccesses.exists() ? successAddress : null;
            try {
                long now = clock.getAsLong();
                long windowEnd = successWindowEnd(now, successWindowMillis());
                CallerBudgetStore.Counted counted = store.countSuccesses(tallies, knownAbsent, knownPresent, now, windowEnd);
                if (counted.rows() < keys.size()) {
                    // A row removed between its INSERT's failure and the UPDATE: the cleanup of an ended window.
                    LOG.debugf("A login of realm %s counted in %d of its callers' %d rows", realmId, counted.rows(),
                            keys.size());
                }
                if (counted.watchReached() && successesWatchedUntil != windowEnd) {
                    watch(successWatchKey(windowEnd), windowEnd, now);
                }
            } catch (RuntimeException notCounted) {
                // The login stands: a success not counted is one the budget does not see, never a refused customer.
                LOG.warnf("A login of realm %s's callers %s could not be counted: %s", realmId,
                        keys.stream().map(CallerKey::caller).toList(), databaseError(notCounted));
                LOG.debug("The count's failure", notCounted);
            }
        });
    }

    /**
     * What this login adds to its callers' success rows, the address's first. A budget over
     * {@link SuccessSampling#EXACT_UP_TO} is written for a sample of its successes, each adding its weight, so that a
     * busy caller's logins do not commit one at a time on its row. An address without a budget of its own is counted
     * exactly: the client's budget asks whether it completed a few logins itself.
     */
    private List<CallerBudgetStore.Tally> sampledTallies() {
        List<CallerBudgetStore.Tally> tallies = new ArrayList<>(2);
        int addressWeight = settings.successesPerAddress().map(SuccessSampling::weight).orElse(1);
        if (SuccessSampling.written(addressWeight, random.get())) {
            int watchFrom = successWatchFrom(settings);
            tallies.add(new CallerBudgetStore.Tally(successAddress, addressWeight,
                    watchFrom == Integer.MAX_VALUE ? 0 : watchFrom));
        }
        if (admittedClientId != null && settings.successesPerClient().isPresent()) {
            int clientWeight = SuccessSampling.weight(settings.successesPerClient().get());
            if (SuccessSampling.written(clientWeight, random.get())) {
                tallies.add(new CallerBudgetStore.Tally(
                        successClientKey(admittedClientId, Math.floorMod(source.hashCode(), SUCCESS_SHARDS)), clientWeight, 0));
            }
        }
        return tallies;
    }

    /** The exception's type and the database's SQLSTATE, without its message (which may quote the statement's values). */
    private static String databaseError(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql) {
                return sql.getClass().getSimpleName() + " (SQLSTATE " + sql.getSQLState() + ")";
            }
        }
        return failure.getClass().getSimpleName();
    }

    private CallerKey successClientKey(String clientInternalId, int shard) {
        return new CallerKey(realmId, SUCCESS_PREFIX + Caller.CLIENT.detail() + ":" + clientInternalId + "#" + shard);
    }

    /** Whether a failure of this request was recorded ({@link #failed}), whether or not it was counted. */
    public boolean failureRecorded() {
        return failureRecorded;
    }

    /** The refusal of this request, if one of its budgets refused it. */
    public Refusal refusal() {
        return refusal;
    }

    /**
     * The request failed for a reason its caller answers for: one failure of each budget it was admitted by, counted
     * in one transaction of its own (a reservation already counts it). Once per request; nothing after a refusal.
     */
    public void failed() {
        failureRecorded = true;
        if (settled) {
            return;
        }
        settled = true;
        if (refusal != null || counted.isEmpty()) {
            return;
        }
        List<Charge> unreserved = counted.stream()
                .filter(charge -> held.stream().noneMatch(h -> h.key().equals(charge.key(realmId))))
                .toList();
        if (unreserved.isEmpty()) {
            return;
        }
        try {
            CallerBudgetStore.Reserved byAddress = write(store -> {
                long now = clock.getAsLong();
                CallerBudgetStore.Reserved addressCount = null;
                for (Charge charge : unreserved) {
                    CallerBudgetStore.Reserved reserved = store.tryReserve(charge.key(realmId),
                            new FailureBudget(Integer.MAX_VALUE, charge.budget().windowMillis()), now);
                    if (reserved == null || !reserved.counted()) {
                        throw new RowChanged();
                    }
                    if (charge == address) {
                        addressCount = reserved;
                    }
                }
                return addressCount;
            });
            watchIfReached(byAddress);
        } catch (RuntimeException notCounted) {
            LOG.warnf(notCounted, "A failure of realm %s's callers %s could not be counted", realmId, unreserved);
        }
    }

    /**
     * The request succeeded, or failed for a reason that is the admin's (a realm that lacks what the API needs): the
     * reservations it holds are given back. Once per request; best effort.
     */
    public void succeeded() {
        if (settled) {
            return;
        }
        settled = true;
        giveBack();
    }

    private Refusal admit(Charge charge, Standing standing) {
        int limit = charge.budget().limit();
        if (standing.failures() >= limit) {
            return refuse(charge, standing);
        }
        if (standing.failures() < limit - margin(limit)) {
            counted.add(charge);
            return null;
        }
        CallerBudgetStore.Reserved reserved = write(store -> {
            CallerBudgetStore.Reserved made = store.tryReserve(charge.key(realmId), charge.budget(), clock.getAsLong());
            if (made == null) {
                throw new RowChanged();
            }
            return made;
        });
        if (!reserved.counted()) {
            return refuse(charge, read(charge));
        }
        counted.add(charge);
        if (charge == address) {
            watchIfReached(reserved);
        }
        held.add(new Held(charge.key(realmId), reserved.windowEnd()));
        if (held.size() == 1) {
            onFirstReservation.run();
        }
        return null;
    }

    /**
     * An address whose failures reached their watch with {@code count} is listed — again at each such count, even if it
     * was listed when admitted: that entry may be the last window's, which lingers up to a second into this one (its
     * lifespan is rounded up to whole seconds) and would keep this window's from being written until the next count.
     */
    private void watchIfReached(CallerBudgetStore.Reserved count) {
        int watchFrom = failureWatchFrom(settings);
        if (count != null && watchFrom > 0 && count.failures() >= watchFrom) {
            watch(failureWatchKey(), count.windowEnd(), clock.getAsLong());
        }
    }

    private Refusal refuse(Charge charge, Standing standing) {
        return refuse(charge.caller(), Kind.FAILURES, charge.key(realmId), standing.windowEnd(), standing.notedWindowEnd(),
                charge.id());
    }

    private Refusal refuse(Caller by, Kind kind, CallerKey row, long windowEnd, long notedWindowEnd, String id) {
        long now = clock.getAsLong();
        boolean first = notedWindowEnd != windowEnd && noteRefusal(row, windowEnd);
        LOG.debugf("Request refused in realm %s: the %s budget of %s %s is spent until %d", realmId, kind.detail(),
                by.detail(), id, windowEnd);
        refusal = new Refusal(by, kind, retryAfterSeconds(windowEnd, now), first);
        settled = true;
        // Nothing of this request is evaluated: what an earlier budget reserved for it goes back.
        giveBack();
        return refusal;
    }

    /** The reservations this request holds go back, in one transaction of its own; best effort. */
    private void giveBack() {
        if (held.isEmpty()) {
            return;
        }
        try {
            transactions.inNewTransaction(store -> {
                held.forEach(reservation -> store.refund(reservation.key(), reservation.windowEnd()));
                return null;
            });
        } catch (RuntimeException notGivenBack) {
            // The caller keeps a failure it did not make until its window ends: a budget is never exceeded by it.
            LOG.warnf(notGivenBack, "Reservations of realm %s's callers could not be given back", realmId);
        }
        held.clear();
    }

    private boolean noteRefusal(CallerKey row, long windowEnd) {
        try {
            return transactions.inNewTransaction(store -> store.noteRefusal(row, windowEnd));
        } catch (RuntimeException notNoted) {
            LOG.warnf(notNoted, "A refusal of realm %s's caller %s could not be noted", realmId, row.caller());
            return true;
        }
    }

    private Standing read(Charge charge) {
        return standing(transactions.inRequest(store -> store.find(charge.key(realmId))), clock.getAsLong());
    }

    private static Standing standing(CallerBudgetEntity row, long now) {
        if (row == null) {
            return Standing.NONE;
        }
        boolean current = row.getWindowEnd() > now;
        return new Standing(current ? row.getFailures() : 0, current ? row.getWindowEnd() : 0, row.getNotedWindowEnd());
    }

    private static Successes successes(CallerBudgetEntity row, long now) {
        if (row == null) {
            return Successes.NONE;
        }
        boolean current = row.getWindowEnd() > now;
        return new Successes(current ? row.getSuccesses() : 0, current ? row.getWindowEnd() : 0, row.getNotedWindowEnd(),
                true);
    }

    /** Runs a write in transactions of its own until no row appeared or went under it. */
    private <T> T write(Function<CallerBudgetStore, T> work) {
        for (int round = 1; round <= MAX_TRANSACTIONS; round++) {
            try {
                return transactions.inNewTransaction(work);
            } catch (ModelDuplicateException concurrentFirstFailure) {
                LOG.debugf("A caller budget's row of realm %s appeared or went meanwhile; writing again", realmId);
            }
        }
        throw new ModelException("A caller budget of realm " + realmId + " changed under " + MAX_TRANSACTIONS
                + " transactions in a row");
    }

    /**
     * Failures of an address in its window before a client over its budget refuses it: {@link #MIN_ADDRESS_FAILURES},
     * or a tenth of the address budget when that is larger. One typo behind a shared address (a NAT, an office) must
     * not shut a customer out of an app someone else drove over its budget.
     */
    static int clientRefusesAfter(CallerBudgetSettings settings) {
        return Math.max(MIN_ADDRESS_FAILURES, settings.perAddress().map(budget -> budget.limit() / 10).orElse(0));
    }

    /**
     * Logins of an address in its window before a client over its success budget refuses it:
     * {@link #MIN_ADDRESS_SUCCESSES}, or a tenth of the address's success budget when that is larger.
     */
    static int clientRefusesAfterSuccesses(CallerBudgetSettings settings) {
        return Math.max(MIN_ADDRESS_SUCCESSES, settings.successesPerAddress().map(budget -> budget.limit() / 10).orElse(0));
    }

    /**
     * When the success window holding {@code now} ends: windows of {@code windowMillis} aligned to the epoch, so that
     * every shard of a client, opened by whichever login, is in the same window and their sum is one window's count.
     */
    static long successWindowEnd(long now, long windowMillis) {
        return (Math.floorDiv(now, windowMillis) + 1) * windowMillis;
    }

    /** Failures left under which a request reserves its failure rather than being admitted on a read. */
    static int margin(int limit) {
        return Math.min(limit, Math.max((limit + 9) / 10, MIN_MARGIN));
    }

    /** Whole seconds until the window ends, rounded up, at least 1: what {@code Retry-After} says. */
    static long retryAfterSeconds(long windowEnd, long now) {
        return Math.max(1, (windowEnd - now + 999) / 1000);
    }

    /**
     * The address a budget counts: an IPv4 address as it is, an IPv6 address as its /64 prefix (one subscriber, or
     * one host that can take any address of it), anything else (an unresolved host name) as it is, lower-cased.
     * Never resolves a name: Keycloak hands the address as a literal.
     */
    static String sourceOf(String remoteAddress) {
        if (remoteAddress == null || remoteAddress.isBlank()) {
            return "unknown";
        }
        String address = remoteAddress.strip();
        if (IPV4.matcher(address).matches() || !address.contains(":")) {
            return truncated(address.toLowerCase(Locale.ROOT));
        }
        try {
            // A literal with a colon is parsed, never looked up.
            InetAddress parsed = InetAddress.getByName(address.startsWith("[") ? address : "[" + address + "]");
            if (parsed instanceof Inet6Address) {
                byte[] bytes = parsed.getAddress();
                StringBuilder prefix = new StringBuilder();
                for (int i = 0; i < 8; i += 2) {
                    prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
                }
                return prefix.append(":/64").toString();
            }
            return parsed.getHostAddress();
        } catch (UnknownHostException notALiteral) {
            return truncated(address.toLowerCase(Locale.ROOT));
        }
    }

    private static String truncated(String value) {
        return value.length() > 200 ? value.substring(0, 200) : value;
    }

    /** A row appeared or went between two statements of one write: roll it back and try again. */
    private static final class RowChanged extends ModelDuplicateException {
        private static final long serialVersionUID = 1L;

        RowChanged() {
            super("A caller budget row changed during a write");
        }
    }
}
