package io.salesops.core.crm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The ordered stages of a sales process, each with a default win probability and forecast category.
 * Stage names match case-insensitively.
 *
 * <p>Immutable and thread-safe.
 */
public final class StageModel {

    private static final StageModel DEFAULT = of(List.of(
            Stage.open("Prospecting", "10", ForecastCategory.PIPELINE),
            Stage.open("Qualification", "20", ForecastCategory.PIPELINE),
            Stage.open("Needs Analysis", "30", ForecastCategory.PIPELINE),
            Stage.open("Proposal", "50", ForecastCategory.BEST_CASE),
            Stage.open("Negotiation", "75", ForecastCategory.COMMIT),
            Stage.won("Closed Won"),
            Stage.lost("Closed Lost")));

    private final List<Stage> stages;
    private final Map<String, Integer> index;

    private StageModel(List<Stage> stages, Map<String, Integer> index) {
        this.stages = stages;
        this.index = index;
    }

    /**
     * A model of the given stages, in sales-process order (closing stages may come anywhere).
     *
     * @param stages the stages, at least one open, one closed-won and one closed-lost; names unique ignoring case;
     *               no element null
     * @return the model, keeping the order given
     * @throws IllegalArgumentException listing every duplicate name, and if there is no closed-won or no
     *                                  closed-lost stage, or no open stage
     */
    public static StageModel of(List<Stage> stages) {
        List<String> problems = new ArrayList<>();
        Map<String, Integer> idx = new HashMap<>();
        for (int i = 0; i < stages.size(); i++) {
            if (idx.putIfAbsent(key(stages.get(i).name()), i) != null) {
                problems.add("stage \"" + stages.get(i).name() + "\" appears more than once");
            }
        }
        if (stages.stream().noneMatch(s -> s.outcome() == OpportunityStatus.WON)) {
            problems.add("no closed-won stage");
        }
        if (stages.stream().noneMatch(s -> s.outcome() == OpportunityStatus.LOST)) {
            problems.add("no closed-lost stage");
        }
        if (stages.stream().noneMatch(s -> s.outcome() == OpportunityStatus.OPEN)) {
            problems.add("no open stage");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("stage model is invalid: " + String.join("; ", problems));
        }
        return new StageModel(List.copyOf(stages), Map.copyOf(idx));
    }

    /**
     * A typical B2B model: Prospecting 10%, Qualification 20%, Needs Analysis 30% (Pipeline), Proposal 50%
     * (Best Case), Negotiation 75% (Commit), Closed Won, Closed Lost.
     *
     * @return the shared default model
     */
    public static StageModel defaultModel() {
        return DEFAULT;
    }

    /** @return every stage, in order */
    public List<Stage> stages() {
        return stages;
    }

    /** @return the open stages, in order */
    public List<Stage> openStages() {
        return stages.stream().filter(s -> !s.isClosed()).toList();
    }

    /**
     * Looks a stage up without failing.
     *
     * @param name the stage name, matched ignoring case and surrounding spaces; not null
     * @return the stage with this name, or empty if the model has none
     */
    public Optional<Stage> find(String name) {
        Integer i = index.get(key(name));
        return i == null ? Optional.empty() : Optional.of(stages.get(i));
    }

    /**
     * The stage with this name, ignoring case.
     *
     * @param name the stage name, matched ignoring case and surrounding spaces; not null
     * @return the stage; never null
     * @throws NoSuchElementException naming the stage and the known stages
     */
    public Stage stage(String name) {
        return find(name).orElseThrow(() -> new NoSuchElementException("unknown stage \"" + name
                + "\"; the stage model has " + stages.stream().map(Stage::name).toList()));
    }

    /**
     * Where a stage stands in the process, for ordering or "later than" comparisons.
     *
     * @param name the stage name, matched ignoring case and surrounding spaces; not null
     * @return the 0-based position of the stage in the list the model was made from
     * @throws NoSuchElementException naming the stage and the known stages if the model has none by that name
     */
    public int order(String name) {
        stage(name);
        return index.get(key(name));
    }

    /**
     * Whether the model knows a stage.
     *
     * @param name the stage name, matched ignoring case and surrounding spaces; not null
     * @return true if the model has the stage
     */
    public boolean contains(String name) {
        return index.containsKey(key(name));
    }

    /** @return the first closed-won stage */
    public Stage wonStage() {
        return stages.stream().filter(s -> s.outcome() == OpportunityStatus.WON).findFirst().orElseThrow();
    }

    /** @return the first closed-lost stage */
    public Stage lostStage() {
        return stages.stream().filter(s -> s.outcome() == OpportunityStatus.LOST).findFirst().orElseThrow();
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return "StageModel" + stages.stream().map(Stage::name).toList();
    }
}
