package com.fintechlogin.realmtool;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * What a merge finds, item by item, in the order it applies them: flows before the clients bound to them. Only
 * {@link Kind#ADD} and {@link Kind#SET} change the realm; what the realm already has its own way is {@link Kind#KEPT}
 * and reported, never overwritten.
 */
final class Plan {

    enum Kind {
        /** Something the realm lacks is created. */
        ADD("add"),
        /** Something the realm has gets a value it lacks (a binding, an attribute, a listener). */
        SET("set"),
        /** The realm already has it as the extension does. */
        SAME("same"),
        /** The realm has it differently; the realm's wins. */
        KEPT("kept");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /** One item: what it is about, what the merge found or does, and how (for ADD and SET). */
    record Item(Kind kind, String subject, String detail, Runnable apply) {

        String line() {
            return String.format("  %-5s %s%s", kind.label, subject, detail.isEmpty() ? "" : ": " + detail);
        }
    }

    private final List<Item> items = new ArrayList<>();

    void add(String subject, String detail, Runnable apply) {
        items.add(new Item(Kind.ADD, subject, detail, apply));
    }

    void set(String subject, String detail, Runnable apply) {
        items.add(new Item(Kind.SET, subject, detail, apply));
    }

    void same(String subject) {
        items.add(new Item(Kind.SAME, subject, "", null));
    }

    void kept(String subject, String detail) {
        items.add(new Item(Kind.KEPT, subject, detail, null));
    }

    List<Item> items() {
        return List.copyOf(items);
    }

    long count(Kind kind) {
        return items.stream().filter(item -> item.kind() == kind).count();
    }

    /** Prints each item as it is applied, so that a failure shows how far the merge got; a dry run applies none. */
    void run(PrintStream out, boolean dryRun) {
        for (Item item : items) {
            if (!dryRun && item.apply() != null) {
                item.apply().run();
            }
            out.println(item.line());
        }
    }
}
