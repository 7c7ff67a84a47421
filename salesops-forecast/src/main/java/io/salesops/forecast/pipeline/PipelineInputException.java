package io.salesops.forecast.pipeline;

import java.util.List;
import io.salesops.core.problem.Problem;
import io.salesops.core.problem.SalesopsInputException;
/**
 * Thrown when the input to a pipeline forecast breaks a rule: an unknown stage, an owner missing from the
 * org, mixed currencies. The message names the record (the opportunity id) and the rule.
 *
 * <p>Immutable and thread-safe.
 */
public final class PipelineInputException extends SalesopsInputException {
    private static final long serialVersionUID = 1L;

    /** The id of the offending record. */
    private final String recordId;

    /**
     * @param recordId the id of the offending record, not null
     * @param message  the full message, naming the record and the rule
     */
    public PipelineInputException(String recordId, String message) {
        super(message, List.of(Problem.at(recordId, message)));
        this.recordId = recordId;
    }

    /** @return the id of the offending record (an opportunity id) */
    public String recordId() {
        return recordId;
    }
}
