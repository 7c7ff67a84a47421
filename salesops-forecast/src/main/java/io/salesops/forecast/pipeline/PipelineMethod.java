package io.salesops.forecast.pipeline;

/** How a {@link PipelineForecast} turns the pipeline into expected bookings. */
public enum PipelineMethod {
    /**
     * Each open deal's P(win) (the stage model's, or learned) times P(closes in the period | it wins), plus
     * bookings from deals not yet created.
     */
    STAGE_WEIGHTED,
    /**
     * Each open deal's P(won inside the period | its age, segment, owner) from won, lost and still-open deals
     * as competing risks, plus bookings from deals not yet created.
     */
    TIME_TO_EVENT,
    /**
     * Chosen per group by rolling-origin backtests over the file's own past periods among the pipeline
     * methods, run rates of past bookings, and blends of the two; the report names the choice, its backtest
     * error and the runner-up.
     */
    AUTO;

    /**
     * The method with this name, any case, {@code -} or {@code _} between words: {@code auto},
     * {@code time-to-event}, {@code STAGE_WEIGHTED}.
     *
     * @param name the method's name; surrounding blanks are ignored
     * @return the method, never null
     * @throws IllegalArgumentException naming the value and the methods there are, if it names none
     * @throws NullPointerException     if {@code name} is null
     */
    public static PipelineMethod parse(String name) {
        String n = name.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
        for (PipelineMethod m : values()) {
            if (m.name().equals(n)) {
                return m;
            }
        }
        throw new IllegalArgumentException("\"" + name + "\" is not a pipeline method; use auto, time_to_event or stage_weighted");
    }
}
