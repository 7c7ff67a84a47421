package io.salesops.comp.engine;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One deal's commission in one component paid later (on collection, in instalments) that is not yet paid in full:
 * what the deal has earned to date and what of it has been released. Carried from period to period in
 * {@link PayeeState#held()}; a deal leaves it once everything it earned is paid and nothing more can fall due.
 * Amounts are minor units of the plan currency. Immutable and thread-safe.
 *
 * @param component      the component's name
 * @param dealId         the deal's id
 * @param booked         the day the deal was first booked, which starts an instalment schedule and dates the
 *                       exchange rate of its payments
 * @param dealMinor      the deal's whole amount before splits, net of reversals: what the customer owes
 * @param earnedMinor    what the deal earned the payee in the component to date, net of clawbacks
 * @param releasedMinor  what of it has been paid to date
 */
public record HeldDeal(String component, String dealId, LocalDate booked, long dealMinor, long earnedMinor,
                       long releasedMinor) {
    /**
     * Checks for nulls.
     *
     * @param component     the component's name
     * @param dealId        the deal's id
     * @param booked        the first booking day
     * @param dealMinor     the deal's amount, net of reversals
     * @param earnedMinor   earned to date
     * @param releasedMinor paid to date
     * @throws NullPointerException if {@code component}, {@code dealId} or {@code booked} is null
     */
    public HeldDeal {
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(dealId, "dealId");
        Objects.requireNonNull(booked, "booked");
    }

    /** @return earned less released: what is still held, in minor units */
    public long heldMinor() {
        return earnedMinor - releasedMinor;
    }
}
