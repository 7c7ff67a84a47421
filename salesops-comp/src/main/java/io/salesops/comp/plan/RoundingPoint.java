package io.salesops.comp.plan;

/** Where a plan rounds pay to the minor unit. */
public enum RoundingPoint {
    /** Each payout line is rounded; the total is their sum. */
    EACH_LINE,
    /**
     * Each component's exact total is rounded once; its lines are then rounded so that they sum to that total
     * (largest remainder), so the statement still adds up to the cent.
     */
    TOTAL
}
