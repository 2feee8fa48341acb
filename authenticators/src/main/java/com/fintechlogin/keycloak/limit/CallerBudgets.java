package com.fintechlogin.keycloak.limit;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.ModelException;

/**
 * Failure budgets per caller: at most {@link FailureBudget#limit()} failures per window evaluated for one source
 * address, and for one calling client, whichever users they name. Keycloak's brute-force detection, and the
 * {@link AttemptLimiter}, count per user; a caller that sends one wrong password to each of thousands of users never
 * reaches any user's limit, and these budgets are what stops it.
 *
 * <h2>Reserve before evaluating, refund a right credential</h2>
 * {@link #admit} reserves one failure of every budget that applies, before anything of the request is evaluated (no
 * user is looked up, no hash computed), each with one conditional UPDATE ({@link CallerBudgetEntity#RESERVE}) that
 * counts only while the window has room. A statement that waits for another's row lock re-checks its condition
 * against the committed row, so of N concurrent requests of one caller against limit L at most L are admitted, on
 * every node, as for the per-user counters. A request the budget refuses is answered at once, unevaluated. When the
 * request ends, a failure keeps its reservation; a success gives it back ({@link #refund}).
 *
 * <p>Why not the per-user limiter's way, which writes nothing for a right credential: it holds the counter's row lock
 * from before the evaluation until the request commits, so that checks of one counter take turns. One user's logins
 * may take turns; one caller's may not — every customer of an app shares its client's budget, and every customer
 * behind one carrier NAT shares an address. So a budget's row is locked only for its own short transaction, which is
 * why the reservation must be written before the evaluation and given back after a success. That costs a right
 * credential two short transactions (one to reserve its budgets, one to give them back), and makes a client's row the
 * one every login of that client writes: the "next" section of docs/security-model.md says how to shard it.
 *
 * <h2>Windows</h2>
 * Fixed: the first failure after a caller's window ended opens the next one, of {@link FailureBudget#windowMillis()};
 * a refusal opens none, so a caller that keeps sending while refused is admitted again when its window ends, never
 * later. Rows of ended windows are dead and are removed by {@link CallerBudgetCleanup}.
 *
 * <p>A database failure is thrown, never answered as an admission: callers fail closed.
 */
public final class CallerBudgets {

    private static final Logger LOG = Logger.getLogger(CallerBudgets.class);

    /** Rounds one admission may take when a row appears or goes under it (concurrent first insert, cleanup). */
    static final int MAX_TRANSACTIONS = 5;

    /** What kind of caller a budget counts, as events and answers name it. */
    public enum Caller {
        /** The source address, as Keycloak sees it (its proxy-headers option decides whether a proxy's header counts). */
        ADDRESS("address"),
        /** The calling client (app, affiliate, partner API client). */
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
    public record Charge(Caller caller, String id, FailureBudget budget) {

        public Charge {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(budget, "budget");
        }

        /** The budget of a source address: an IPv6 address counts with its whole /64, which one subscriber holds. */
        public static Charge address(String remoteAddress, FailureBudget budget) {
            return new Charge(Caller.ADDRESS, sourceOf(remoteAddress), budget);
        }

        /** The budget of a client of the realm, by its internal id (fixed length, and a renamed client keeps it). */
        public static Charge client(String clientInternalId, FailureBudget budget) {
            return new Charge(Caller.CLIENT, clientInternalId, budget);
        }

        CallerKey key(String realmId) {
            return new CallerKey(realmId, caller.detail() + ":" + id);
        }
    }

    /** A reservation made, to be kept (a failure) or given back (a success). */
    public record Held(Caller caller, String realmId, String id, long windowEnd) {

        CallerKey key() {
            return new CallerKey(realmId, caller.detail() + ":" + id);
        }
    }

    /**
     * The answer of {@link #admit}: admitted with its reservations, or refused by the budget of {@code refusedBy}
     * until its window ends, in {@code retryAfterSeconds} (at least 1).
     */
    public record Admission(List<Held> held, Caller refusedBy, long retryAfterSeconds) {

        public Admission {
            held = List.copyOf(held);
        }

        public boolean admitted() {
            return refusedBy == null;
        }
    }

    private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");

    private final BudgetTransactions transactions;
    private final LongSupplier clock;

    public CallerBudgets(KeycloakSession session) {
        this(BudgetTransactions.of(session.getKeycloakSessionFactory()), Time::currentTimeMillis);
    }

    /** @param clock epoch millis; Keycloak's {@link Time}, so that its test time offset applies */
    CallerBudgets(BudgetTransactions transactions, LongSupplier clock) {
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Reserves one failure of each charge, in the order given (so that concurrent admissions lock rows in one order),
     * in one transaction of its own, committed before it returns: admitted with every reservation held, or refused by
     * the first budget with no room, with nothing held. No charges: admitted, and nothing written.
     */
    public Admission admit(String realmId, List<Charge> charges) {
        if (charges.isEmpty()) {
            return new Admission(List.of(), null, 0);
        }
        for (int round = 1; round <= MAX_TRANSACTIONS; round++) {
            long now = clock.getAsLong();
            Admission admission;
            try {
                admission = transactions.inNewTransaction(store -> admitIn(store, realmId, charges, now));
            } catch (ModelDuplicateException concurrentFirstFailure) {
                LOG.debugf("A caller budget's first row was inserted concurrently in realm %s; reserving again", realmId);
                continue;
            }
            if (admission != null) {
                return admission;
            }
        }
        throw new ModelException("A caller budget of realm " + realmId + " changed under " + MAX_TRANSACTIONS
                + " transactions in a row");
    }

    /**
     * Gives back the reservations of a request that succeeded, in a transaction of its own. A reservation of a window
     * that ended meanwhile is gone with it. Nothing held: nothing written.
     */
    public void refund(Admission admission) {
        if (admission.held().isEmpty()) {
            return;
        }
        transactions.inNewTransaction(store -> {
            for (Held held : admission.held()) {
                store.refund(held.key(), held.windowEnd());
            }
            return null;
        });
    }

    /** Null when a row changed between two statements: the transaction is rolled back and the caller tries again. */
    private static Admission admitIn(CallerBudgetStore store, String realmId, List<Charge> charges, long now) {
        List<Held> held = new ArrayList<>();
        for (Charge charge : charges) {
            CallerKey key = charge.key(realmId);
            CallerBudgetStore.Reserved reserved = store.tryReserve(key, charge.budget(), now);
            if (reserved == null) {
                throw new RowChanged();
            }
            if (!reserved.counted()) {
                // Nothing of this request is evaluated: what the earlier budgets reserved for it goes back.
                for (Held earlier : held) {
                    store.refund(earlier.key(), earlier.windowEnd());
                }
                LOG.debugf("Request refused in realm %s: the %s budget of %s is spent until %d", realmId,
                        charge.caller().detail(), charge.id(), reserved.windowEnd());
                return new Admission(List.of(), charge.caller(), retryAfterSeconds(reserved.windowEnd(), now));
            }
            held.add(new Held(charge.caller(), realmId, charge.id(), reserved.windowEnd()));
        }
        return new Admission(held, null, 0);
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

    /** A row appeared or went between two statements of one admission: roll it back and try again. */
    private static final class RowChanged extends ModelDuplicateException {
        private static final long serialVersionUID = 1L;

        RowChanged() {
            super("A caller budget row changed during an admission");
        }
    }
}
