package io.salesops.comp.internal;

import io.salesops.comp.input.Credit;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A booked credit of the period with what crediting needs from its strings, read once in input order
 * ({@link PeriodCredits}): its day, its deal and owner as ints, its owner's id and its amount, so that visiting
 * the bookings in date order touches the credit itself as little as possible. Confined to the thread that
 * credits the period.
 */
final class Booking {

    /** An amount not yet converted to the plan currency. */
    static final long UNCONVERTED = Long.MIN_VALUE;

    final Credit credit;
    final String id;
    final LocalDate date;
    final long day;
    /** The deal, as the period's int id ({@link PeriodCredits#deals}). */
    final int deal;
    /** The owner's payee index, or -1 if the owner is not a payee. */
    final int owner;
    /** The owner's rep id (the credit's payee id). */
    final String ownerId;
    /** In minor units of the plan currency, or {@link #UNCONVERTED}. */
    long amount;
    final boolean split;
    /** The split parts, made for the first component that credits them by split and shared by the others. */
    Parts parts;
    /**
     * The id's first characters packed so that comparing two prefixes orders ids as {@link String#compareTo}
     * does wherever they differ; equal prefixes fall back to the ids. 0 for every booking when some id does
     * not start with plain ASCII, which then all compare by id.
     */
    long idPrefix;

    Booking(Credit credit, String id, LocalDate date, int deal, int owner, String ownerId, long amount) {
        this.credit = credit;
        this.id = id;
        this.date = date;
        this.day = date.toEpochDay();
        this.deal = deal;
        this.owner = owner;
        this.ownerId = ownerId;
        this.amount = amount;
        this.split = !credit.splits().isEmpty();
    }

    /**
     * A split credit's parts: each split payee with its payee index (-1 if not a payee), share (a fraction) and
     * amount in minor units, in the credit's order; and the order of the parts by payee id, in which amounts of
     * one credit reaching one manager or team member are listed.
     */
    record Parts(String[] who, int[] payee, BigDecimal[] shares, long[] amounts, int[] byPayeeId) {
    }

    /** @return up to 9 leading characters of {@code id}, 7 bits each, zero-padded; -1 if one of them is not ASCII */
    static long asciiPrefix(String id) {
        long key = 0;
        int n = Math.min(9, id.length());
        for (int i = 0; i < 9; i++) {
            int ch = i < n ? id.charAt(i) : 0;
            if (ch > 127) {
                return -1;
            }
            key = key << 7 | ch;
        }
        return key;
    }
}
