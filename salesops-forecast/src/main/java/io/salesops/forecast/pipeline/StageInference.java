package io.salesops.forecast.pipeline;

import io.salesops.core.crm.ForecastCategory;
import io.salesops.core.crm.Opportunity;
import io.salesops.core.crm.OpportunityStatus;
import io.salesops.core.crm.OpportunityTable;
import io.salesops.core.crm.Stage;
import io.salesops.core.crm.StageModel;
import io.salesops.core.money.Percent;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A stage model read from the data, for exports whose stage names the built-in model does not have: the open
 * stages are those seen on deals open now and created by the as-of day (in the order of their deals' mean age),
 * the won and lost stages those of deals won and lost by the as-of day. Without stage history nothing tells one open stage's chances from
 * another's, so each gets the overall win rate of the deals closed by the as-of day. Stateless.
 */
final class StageInference {

    private StageInference() {
    }

    /** Whether a columnar table holds an open deal, created by the day, at a stage the model does not know. */
    private static boolean needed(OpportunityTable t, StageModel model, LocalDate asOf) {
        List<String> names = t.stages();
        boolean[] unknown = new boolean[names.size()];
        boolean any = false;
        for (int c = 0; c < names.size(); c++) {
            String n = names.get(c);
            unknown[c] = n != null && !n.equals(Opportunity.UNKNOWN_STAGE) && model.find(n).isEmpty();
            any |= unknown[c];
        }
        if (!any) {
            return false;
        }
        int day = (int) asOf.toEpochDay();
        for (int r = 0; r < t.size(); r++) {
            if (t.status(r) == OpportunityStatus.OPEN && t.createdDay(r) <= day && unknown[t.stageCode(r)]) {
                return true;
            }
        }
        return false;
    }

    /** {@code f} unchanged if its stage model knows every open deal's stage, else with an inferred model. */
    static PipelineForecast apply(PipelineForecast f) {
        if (f.opportunities == null && !needed(f.table, f.stages, f.asOf)) {
            return f;
        }
        return infer(f.opportunityList(), f.history, f.stages, f.asOf)
                .map(i -> PipelineRun.withInferredStages(f, i.model(), i.note())).orElse(f);
    }

    /** The model inferred from a table as known on {@code asOf}, if {@code model} lacks an open deal's stage. */
    static Optional<InferredStages> infer(OpportunityTable table, StageModel model, LocalDate asOf) {
        return needed(table, model, asOf) ? infer(table.asList(), null, model, asOf) : Optional.empty();
    }

    /**
     * The model inferred from {@code opportunities} as known on {@code asOf} (won and lost stages and the win rate
     * from {@code history} when given), if {@code model} lacks an open deal's stage.
     */
    private static Optional<InferredStages> infer(List<Opportunity> opportunities, List<Opportunity> pastDeals,
                                                  StageModel model, LocalDate asOf) {
        // one cheap pass first: most files fit the model, and a million-deal forecast should not pay for more
        Map<String, Boolean> known = new HashMap<>();
        boolean unknown = false;
        for (Opportunity o : opportunities) {
            // only what the as-of day knew: a deal created later does not exist yet, one closed later was open
            // then at a stage nobody recorded
            if (o.isOpen() && !o.createdDate().isAfter(asOf) && !o.stage().equals(Opportunity.UNKNOWN_STAGE)
                    && !known.computeIfAbsent(o.stage(), st -> model.find(st).isPresent())) {
                unknown = true;
                break;
            }
        }
        if (!unknown) {
            return Optional.empty();
        }
        Map<String, long[]> open = new TreeMap<>(String.CASE_INSENSITIVE_ORDER); // stage -> {deals, sum of ages}
        for (Opportunity o : opportunities) {
            if (o.isOpen() && !o.createdDate().isAfter(asOf) && !o.stage().equals(Opportunity.UNKNOWN_STAGE)) {
                long[] a = open.computeIfAbsent(o.stage(), k -> new long[2]);
                a[0]++;
                a[1] += ChronoUnit.DAYS.between(o.createdDate(), asOf);
            }
        }
        Map<String, OpportunityStatus> closed = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        List<Opportunity> history = pastDeals != null ? pastDeals : opportunities;
        long n = 0;
        long won = 0;
        for (Opportunity o : history) {
            if (o.status().isClosed() && !o.closeDate().isAfter(asOf)) {
                if (!open.containsKey(o.stage())) {
                    closed.putIfAbsent(o.stage(), o.status());
                }
                n++;
                won += o.isWon() ? 1 : 0;
            }
        }
        BigDecimal rate = n == 0 ? BigDecimal.valueOf(50)
                : BigDecimal.valueOf(won * 100).divide(BigDecimal.valueOf(n), 1, RoundingMode.HALF_EVEN);
        Percent p = Percent.of(rate.toPlainString());
        List<String> openNames = new ArrayList<>(open.keySet());
        openNames.sort(Comparator.comparingDouble(s -> open.get(s)[1] / (double) open.get(s)[0]));
        List<Stage> stages = new ArrayList<>();
        for (String s : openNames) {
            stages.add(new Stage(s, p, ForecastCategory.PIPELINE, OpportunityStatus.OPEN));
        }
        List<String> wonNames = new ArrayList<>();
        List<String> lostNames = new ArrayList<>();
        for (Map.Entry<String, OpportunityStatus> e : closed.entrySet()) {
            boolean w = e.getValue() == OpportunityStatus.WON;
            stages.add(w ? Stage.won(e.getKey()) : Stage.lost(e.getKey()));
            (w ? wonNames : lostNames).add(e.getKey());
        }
        if (wonNames.isEmpty()) {
            stages.add(Stage.won("Closed Won"));
        }
        if (lostNames.isEmpty()) {
            stages.add(Stage.lost("Closed Lost"));
        }
        String note = String.format(Locale.ROOT, "stages inferred from the data, since the stage model does not know the"
                + " open deals' stages: open %s, each at the overall win rate %s%% (%d of %d deals closed by %s); won %s;"
                + " lost %s (give --stages to set your own)", openNames, rate.toPlainString(), won, n, asOf,
                wonNames.isEmpty() ? "[Closed Won]" : wonNames, lostNames.isEmpty() ? "[Closed Lost]" : lostNames);
        return Optional.of(new InferredStages(StageModel.of(stages), note));
    }
}
