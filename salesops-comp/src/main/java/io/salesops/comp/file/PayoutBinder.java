package io.salesops.comp.file;

import io.salesops.comp.plan.Payout;
import io.salesops.core.money.Percent;
import java.util.List;
import java.util.Optional;

/**
 * Binds a component's {@code payout}: {@code {on: collection}}, {@code {on: collection, atBooking: 50}},
 * {@code {on: collection_in_full}},
 * {@code {instalments: [50, 25, 25]}} or {@code {on: booking}} (the default, as if left out). One instance per
 * file; not thread-safe.
 */
final class PayoutBinder {

    static final String FORMS = "a payout: {on: collection}, {on: collection, atBooking: 50}, {on: collection_in_full},"
            + " {instalments: [50, 25, 25]} or {on: booking}";

    private enum On { BOOKING, COLLECTION, COLLECTION_IN_FULL, INSTALMENTS }

    private final ValueReader r;

    PayoutBinder(ValueReader reader) {
        this.r = reader;
    }

    /** @return the payout, empty for paid at booking, or null with the problems recorded */
    Optional<Payout> payout(Node n, String path) {
        Mapping o = r.mapping(n, path, FORMS);
        if (o == null) {
            return null;
        }
        r.at(path, path, n);
        Node onN = o.opt("on");
        Node atN = o.opt("atBooking");
        Node instN = o.opt("instalments");
        o.done();
        On on = r.enumOr(onN, path + ".on", On.class, instN != null ? On.INSTALMENTS : null);
        if (on == null) {
            if (onN == null) {
                r.hard(n, path, "says neither when the pay falls due nor its instalments; expected " + FORMS);
            }
            return null;
        }
        if ((on == On.BOOKING || on == On.INSTALMENTS) && atN != null) {
            r.hard(atN, path + ".atBooking", "atBooking is the share paid at booking of a payout on collection;"
                    + " write on: collection (or collection_in_full), or leave atBooking out");
            return null;
        }
        if (on != On.INSTALMENTS && instN != null) {
            r.hard(instN, path + ".instalments", "instalments are a schedule of their own; write on: instalments (or"
                    + " leave on out), not on: " + on.name().toLowerCase(java.util.Locale.ROOT));
            return null;
        }
        switch (on) {
            case BOOKING -> {
                return Optional.empty();
            }
            case COLLECTION, COLLECTION_IN_FULL -> {
                Percent at = atN == null ? Percent.ZERO : r.percent(atN, path + ".atBooking");
                if (at == null) {
                    return null;
                }
                Payout.Kind kind = on == On.COLLECTION ? Payout.Kind.ON_COLLECTION : Payout.Kind.ON_COLLECTION_IN_FULL;
                Payout p = r.build(atN == null ? n : atN, path + (atN == null ? "" : ".atBooking"),
                        () -> new Payout(kind, at, List.of()));
                return p == null ? null : Optional.of(p);
            }
            default -> {
                if (instN == null) {
                    r.hard(n, path, "on: instalments lists no instalments; expected e.g. instalments: [50, 25, 25]");
                    return null;
                }
                if (instN.kind == Node.Kind.ARRAY && instN.items.size() > Payout.MAX_INSTALMENTS) {
                    r.hard(instN, path + ".instalments", "an instalment schedule has at most " + Payout.MAX_INSTALMENTS
                            + " shares, found " + instN.items.size());
                    return null;
                }
                List<Percent> shares = r.list(instN, path + ".instalments", "percentages", r::percent);
                if (shares == null) {
                    return null;
                }
                Payout p = r.build(instN, path + ".instalments", () -> new Payout(Payout.Kind.INSTALMENTS, Percent.ZERO, shares));
                return p == null ? null : Optional.of(p);
            }
        }
    }
}
