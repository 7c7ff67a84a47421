package io.salesops.comp.plan;

import io.salesops.core.money.Percent;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * When a component's commission is paid, as opposed to when it is earned. Without a payout (the default) a
 * component pays what it earns in the period it earns it. With one, each deal's commission is still earned when
 * the deal is booked (tiers, accelerators and caps as at booking) but falls due later:
 * <ul>
 *   <li>{@link Kind#ON_COLLECTION}: as the customer pays. In each period a deal is due
 *       {@code earned x (atBooking + (1 - atBooking) x collected / deal amount)}, collected to date capped at the
 *       deal amount; {@code atBooking} is 0 for "pay when you get paid" and 50 for "half on order, half on
 *       collection".</li>
 *   <li>{@link Kind#ON_COLLECTION_IN_FULL}: once the customer has paid the whole deal ("only pay when the balance is
 *       zero"): {@code earned x atBooking} until then, all of it from then on.</li>
 *   <li>{@link Kind#INSTALMENTS}: by a schedule of shares of the deal's commission, the first in the period of
 *       booking, the next in the period after, ...: {@code [50, 25, 25]}.</li>
 * </ul>
 * What is due to date less what was paid before is paid (rounded once per deal and period, so over the periods a
 * deal pays exactly what it earned); the rest is held. Immutable and thread-safe.
 *
 * @param kind        on collection (as paid, or once paid in full) or in instalments
 * @param atBooking   on collection, the share paid at booking, in percent, from 0 up to but not including 100;
 *                    {@link Percent#ZERO} for instalments
 * @param instalments for {@link Kind#INSTALMENTS}, the share of each period from booking on, in percent, none
 *                    negative, summing to exactly 100, at most {@link #MAX_INSTALMENTS}; empty on collection; copied
 */
public record Payout(Kind kind, Percent atBooking, List<Percent> instalments) {

    /** The most instalments a schedule may have (ten years of months). */
    public static final int MAX_INSTALMENTS = 120;

    /** When a payout falls due. */
    public enum Kind {
        /** As the customer pays the deal (a collections file), in proportion to what is paid. */
        ON_COLLECTION,
        /** Once the customer has paid the whole deal. */
        ON_COLLECTION_IN_FULL,
        /** By a schedule of shares, one per period from the period of booking. */
        INSTALMENTS
    }

    /**
     * Checks the shares.
     *
     * @param kind        on collection or in instalments
     * @param atBooking   the share paid at booking on collection, 0 to under 100; null means 0
     * @param instalments the schedule's shares, for instalments only; null means none; copied
     * @throws IllegalArgumentException naming the share if {@code atBooking} is out of range, instalments are
     *                                  given on collection, or the schedule is empty, too long, has a negative
     *                                  share or does not sum to 100
     * @throws NullPointerException     if {@code kind} is null or a share is null
     */
    public Payout {
        Objects.requireNonNull(kind, "kind");
        atBooking = atBooking == null ? Percent.ZERO : atBooking;
        instalments = instalments == null ? List.of() : List.copyOf(instalments);
        if (kind != Kind.INSTALMENTS) {
            if (!instalments.isEmpty()) {
                throw new IllegalArgumentException("a payout on collection has no instalments; give on: collection or"
                        + " instalments: [...], not both");
            }
            BigDecimal b = atBooking.value();
            if (b.signum() < 0 || b.compareTo(BigDecimal.valueOf(100)) >= 0) {
                throw new IllegalArgumentException("atBooking " + b.toPlainString() + "% is outside 0% to under 100%"
                        + " (the rest is paid on collection; for everything at booking leave payout out)");
            }
        } else {
            if (atBooking.value().signum() != 0) {
                throw new IllegalArgumentException("atBooking applies to a payout on collection; an instalment"
                        + " schedule's first share is what is paid in the period of booking");
            }
            if (instalments.isEmpty() || instalments.size() > MAX_INSTALMENTS) {
                throw new IllegalArgumentException("an instalment schedule has 1 to " + MAX_INSTALMENTS
                        + " shares, found " + instalments.size());
            }
            BigDecimal sum = BigDecimal.ZERO;
            for (int i = 0; i < instalments.size(); i++) {
                BigDecimal s = instalments.get(i).value();
                if (s.signum() < 0) {
                    throw new IllegalArgumentException("instalment " + (i + 1) + " is " + s.toPlainString()
                            + "%, below 0%");
                }
                sum = sum.add(s);
            }
            if (sum.compareTo(BigDecimal.valueOf(100)) != 0) {
                throw new IllegalArgumentException("instalments " + shares(instalments) + " sum to "
                        + sum.stripTrailingZeros().toPlainString() + "%; they must sum to exactly 100%");
            }
        }
    }

    /**
     * Paid as the customer pays, nothing at booking ("pay when you get paid").
     *
     * @return the payout
     */
    public static Payout onCollection() {
        return new Payout(Kind.ON_COLLECTION, Percent.ZERO, List.of());
    }

    /**
     * A share paid at booking, the rest as the customer pays ("50% on order, 50% on collection").
     *
     * @param atBookingPercent the share at booking in percent, e.g. {@code "50"}; 0 to under 100
     * @return the payout
     * @throws IllegalArgumentException if the share is not a percentage or out of range
     */
    public static Payout onCollection(String atBookingPercent) {
        return new Payout(Kind.ON_COLLECTION, Percent.of(atBookingPercent), List.of());
    }

    /**
     * Paid once the customer has paid the whole deal ("only pay commissions when the balance is zero").
     *
     * @return the payout
     */
    public static Payout onCollectionInFull() {
        return new Payout(Kind.ON_COLLECTION_IN_FULL, Percent.ZERO, List.of());
    }

    /**
     * Paid by a schedule, the first share in the period of booking.
     *
     * @param sharesPercent the shares in percent, e.g. {@code "50", "25", "25"}; summing to 100
     * @return the payout
     * @throws IllegalArgumentException if a share is not a percentage, or the schedule is not valid
     */
    public static Payout instalments(String... sharesPercent) {
        return new Payout(Kind.INSTALMENTS, Percent.ZERO, java.util.Arrays.stream(sharesPercent).map(Percent::of).toList());
    }

    /**
     * The share of a deal's commission due once {@code periods} periods have passed since the period of booking.
     *
     * @param periods 0 in the period of booking, 1 in the next, ...
     * @return the sum of the shares up to that period, in percent; 100 from the last instalment on
     * @throws IllegalStateException if this payout is not in instalments
     */
    public BigDecimal dueByInstalment(long periods) {
        if (kind != Kind.INSTALMENTS) {
            throw new IllegalStateException("a payout on collection has no schedule");
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i <= periods && i < instalments.size(); i++) {
            sum = sum.add(instalments.get(i).value());
        }
        return sum;
    }

    /** @return e.g. {@code "on collection"}, {@code "50% at booking, the rest on collection"}, {@code "in instalments 50% + 25% + 25%"} */
    public String describe() {
        if (kind == Kind.INSTALMENTS) {
            return "in instalments " + shares(instalments);
        }
        String when = kind == Kind.ON_COLLECTION ? "on collection" : "once collected in full";
        return atBooking.value().signum() == 0 ? when : atBooking.value().toPlainString() + "% at booking, the rest " + when;
    }

    private static String shares(List<Percent> shares) {
        StringBuilder sb = new StringBuilder();
        for (Percent p : shares) {
            sb.append(sb.length() == 0 ? "" : " + ").append(p.value().toPlainString()).append('%');
        }
        return sb.toString();
    }
}
