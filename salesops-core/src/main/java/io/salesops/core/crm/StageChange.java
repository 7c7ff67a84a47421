package io.salesops.core.crm;

import io.salesops.core.money.Money;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One entry of an opportunity's history: from {@code date} on, the deal stood at {@code stage}, and, where
 * the CRM recorded them, at {@code amount} with expected close date {@code closeDate}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param date      the day of the change, not null
 * @param stage     the stage entered, non-blank
 * @param amount    the amount from this day, or null if the history does not record it
 * @param closeDate the expected close date from this day, or null if not recorded
 */
public record StageChange(LocalDate date, String stage, Money amount, LocalDate closeDate) {
    /**
     * Validates the fields; the stage is stripped of surrounding spaces.
     *
     * @param date      the day of the change; not null
     * @param stage     the stage entered, non-blank
     * @param amount    the amount from this day, not negative; or null if the history does not record it
     * @param closeDate the expected close date from this day, or null if not recorded
     * @throws NullPointerException     if {@code date} is null
     * @throws IllegalArgumentException on a blank stage or negative amount
     */
    public StageChange {
        Objects.requireNonNull(date, "date");
        if (stage == null || stage.isBlank()) {
            throw new IllegalArgumentException("stage change on " + date + " has a blank stage");
        }
        stage = stage.strip();
        if (amount != null && amount.isNegative()) {
            throw new IllegalArgumentException("stage change on " + date + " has negative amount " + amount);
        }
    }

    /**
     * A change of stage alone, without amount or expected close date.
     *
     * @param date  the day of the change; not null
     * @param stage the stage entered, non-blank
     * @return the change
     * @throws IllegalArgumentException if the stage is blank
     */
    public static StageChange of(LocalDate date, String stage) {
        return new StageChange(date, stage, null, null);
    }
}
