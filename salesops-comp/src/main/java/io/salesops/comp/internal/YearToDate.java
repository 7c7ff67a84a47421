package io.salesops.comp.internal;

/**
 * Year-to-date values of one component for one payee, carried from period to period and updated while the
 * payee is calculated; minor units. Mutable, confined to the thread calculating the payee.
 */
final class YearToDate {
    /** Credited amount (less reversals whose clawback reduces attainment). */
    long measure;
    /** Credited deals. */
    long count;
    /** Pay before caps and floors: what a true-up subtracts. */
    long gross;
    /** Pay after caps, floors and clawbacks: what a yearly cap limits. */
    long earned;
}
