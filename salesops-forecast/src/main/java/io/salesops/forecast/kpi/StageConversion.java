package io.salesops.forecast.kpi;

/**
 * Conversion from one stage to the next: of the {@code reached} deals that got to {@code from}, the
 * {@code converted} that got to {@code to} or further (won deals count as having passed every stage).
 * Immutable and thread-safe.
 *
 * @param from      the earlier stage
 * @param to        the next stage in the model, or the closed-won stage
 * @param reached   deals that got to {@code from}
 * @param converted of those, deals that got to {@code to} or beyond
 */
public record StageConversion(String from, String to, long reached, long converted) {
    /** @return converted / reached, NaN if nothing reached {@code from} */
    public double rate() {
        return reached == 0 ? Double.NaN : converted / (double) reached;
    }
}
