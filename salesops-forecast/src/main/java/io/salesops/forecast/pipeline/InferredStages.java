package io.salesops.forecast.pipeline;

import io.salesops.core.crm.OpportunityTable;
import io.salesops.core.crm.StageModel;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A stage model read from an export whose open deals are at stages the given model does not have, the way the
 * pipeline forecast reads one when no stage model is given: the open stages are those of deals open on the day (in
 * the order of their deals' mean age), each at the overall win rate of the deals closed by then; the won and lost
 * stages those of deals won and lost by then. KPIs over such an export use it so that their conversion steps are
 * the export's stages, not the built-in model's. Immutable and thread-safe.
 *
 * @param model the inferred model
 * @param note  one sentence saying what was inferred and from what, for the report's assumptions
 */
public record InferredStages(StageModel model, String note) {

    /**
     * Checks the parts.
     *
     * @param model the inferred model, not null
     * @param note  the sentence for the assumptions, not null
     * @throws NullPointerException if either is null
     */
    public InferredStages {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(note, "note");
    }

    /**
     * The stage model inferred from {@code table} as known at the end of {@code asOf}, if {@code model} lacks the
     * stage of a deal open then.
     *
     * @param table the opportunities, not null
     * @param model the model to check first, not null
     * @param asOf  the day the deals are seen as of, not null
     * @return the inferred model and its note, or empty when {@code model} knows every open deal's stage
     * @throws NullPointerException if an argument is null
     */
    public static Optional<InferredStages> from(OpportunityTable table, StageModel model, LocalDate asOf) {
        return StageInference.infer(Objects.requireNonNull(table, "table"), Objects.requireNonNull(model, "model"),
                Objects.requireNonNull(asOf, "asOf"));
    }
}
