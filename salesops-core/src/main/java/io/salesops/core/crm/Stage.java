package io.salesops.core.crm;

import io.salesops.core.money.Percent;
import java.util.Objects;

/**
 * One stage of a sales process. Immutable and thread-safe.
 *
 * @param name             unique within its {@link StageModel}, non-blank
 * @param winProbability   the default probability of winning a deal in this stage, 0% to 100%
 * @param forecastCategory the default forecast category of a deal in this stage
 * @param outcome          {@link OpportunityStatus#OPEN} for a working stage, WON or LOST for a closing one
 */
public record Stage(String name, Percent winProbability, ForecastCategory forecastCategory, OpportunityStatus outcome) {

    /**
     * Validates the fields; the name is stripped of surrounding spaces.
     *
     * @param name             unique within its {@link StageModel}, non-blank
     * @param winProbability   0% to 100%; exactly 100% for a won stage and 0% for a lost one; not null
     * @param forecastCategory the default forecast category of a deal in this stage; not null
     * @param outcome          {@link OpportunityStatus#OPEN} for a working stage, WON or LOST for a closing one;
     *                         not null
     * @throws IllegalArgumentException naming the stage and the rule broken
     * @throws NullPointerException     naming the stage if a field is null
     */
    public Stage {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("stage name is blank");
        }
        name = name.strip();
        Objects.requireNonNull(winProbability, "winProbability of stage " + name);
        Objects.requireNonNull(forecastCategory, "forecastCategory of stage " + name);
        Objects.requireNonNull(outcome, "outcome of stage " + name);
        if (!winProbability.isProbability()) {
            throw new IllegalArgumentException("stage " + name + " has win probability " + winProbability + ", outside 0%..100%");
        }
        if (outcome == OpportunityStatus.WON && winProbability.compareTo(Percent.HUNDRED) != 0) {
            throw new IllegalArgumentException("closed-won stage " + name + " must have win probability 100%, not " + winProbability);
        }
        if (outcome == OpportunityStatus.LOST && winProbability.compareTo(Percent.ZERO) != 0) {
            throw new IllegalArgumentException("closed-lost stage " + name + " must have win probability 0%, not " + winProbability);
        }
    }

    /**
     * An open (working) stage: {@code Stage.open("Proposal", "50", ForecastCategory.BEST_CASE)}.
     *
     * @param name                  the stage name as the CRM spells it, non-blank
     * @param winProbabilityPercent the default win probability in percent, 0-100, e.g. {@code "50"} (or
     *                              {@code "50%"}) for one deal in two
     * @param category              the default forecast category of a deal in this stage; not null
     * @return the stage, with outcome {@link OpportunityStatus#OPEN}
     * @throws IllegalArgumentException if the name is blank or the probability is not a number in 0-100
     */
    public static Stage open(String name, String winProbabilityPercent, ForecastCategory category) {
        return new Stage(name, Percent.of(winProbabilityPercent), category, OpportunityStatus.OPEN);
    }

    /**
     * A closed-won stage: 100%, category Closed.
     *
     * @param name the stage name as the CRM spells it, e.g. {@code "Closed Won"}; non-blank
     * @return the stage, with outcome {@link OpportunityStatus#WON}
     * @throws IllegalArgumentException if the name is blank
     */
    public static Stage won(String name) {
        return new Stage(name, Percent.HUNDRED, ForecastCategory.CLOSED, OpportunityStatus.WON);
    }

    /**
     * A closed-lost stage: 0%, category Omitted.
     *
     * @param name the stage name as the CRM spells it, e.g. {@code "Closed Lost"}; non-blank
     * @return the stage, with outcome {@link OpportunityStatus#LOST}
     * @throws IllegalArgumentException if the name is blank
     */
    public static Stage lost(String name) {
        return new Stage(name, Percent.ZERO, ForecastCategory.OMITTED, OpportunityStatus.LOST);
    }

    /** @return true for closed-won or closed-lost */
    public boolean isClosed() {
        return outcome.isClosed();
    }
}
