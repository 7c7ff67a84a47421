package io.salesops.core.period;

/** The lengths of fiscal period that salesops works in. */
public enum PeriodKind {
    /** A calendar month. */
    MONTH(1),
    /** Three fiscal months. */
    QUARTER(3),
    /** Six fiscal months. */
    HALF(6),
    /** Twelve fiscal months. */
    YEAR(12);

    private final int months;

    PeriodKind(int months) {
        this.months = months;
    }

    /** @return the number of months in a period of this kind */
    public int months() {
        return months;
    }
}
