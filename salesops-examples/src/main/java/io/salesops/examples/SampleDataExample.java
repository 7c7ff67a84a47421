package io.salesops.examples;

import io.salesops.core.crm.Opportunity;
import io.salesops.core.crm.Stage;
import io.salesops.core.money.Money;
import io.salesops.core.period.Period;
import io.salesops.examples.sample.SampleCompany;
import java.io.PrintStream;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Embedding example: the sample company, and looking at the pipeline as it stood on a past day with
 * {@link Opportunity#asOf(LocalDate)}, which knows nothing that happened later. Run it with
 * {@code java -cp salesops.jar io.salesops.examples.SampleDataExample}.
 */
public final class SampleDataExample {
    private SampleDataExample() {
    }

    /** Prints the example to standard output. @param args ignored */
    public static void main(String[] args) {
        run(System.out);
    }

    /**
     * Prints the example.
     *
     * @param out where to print, not null
     */
    public static void run(PrintStream out) {
        SampleCompany company = SampleCompany.get();
        out.println(company);

        // The pipeline for last quarter as it stood on the quarter's first day, weighted by the stage model.
        Period quarter = company.currentQuarter().previous();
        LocalDate day = quarter.start();
        Money open = Money.zero(SampleCompany.CURRENCY);
        Money weighted = Money.zero(SampleCompany.CURRENCY);
        int deals = 0;
        for (Opportunity o : company.opportunities()) {
            Optional<Opportunity> then = o.asOf(day);
            if (then.isEmpty() || !then.get().isOpen() || then.get().closeDate() == null
                    || !quarter.contains(then.get().closeDate())) {
                continue;
            }
            Opportunity snapshot = then.get();
            Optional<Stage> stage = company.stageModel().find(snapshot.stage());
            deals++;
            open = open.plus(snapshot.amount());
            if (stage.isPresent()) {
                weighted = weighted.plus(snapshot.amount().times(stage.get().winProbability(), RoundingMode.HALF_EVEN));
            }
        }
        Money won = Money.zero(SampleCompany.CURRENCY);
        for (Opportunity o : company.opportunities()) {
            if (o.isWon() && quarter.contains(o.closeDate())) {
                won = won.plus(o.amount());
            }
        }
        out.println("On " + day + ", " + deals + " open deals were expected to close in " + quarter + ": " + open);
        out.println("weighted by stage probability: " + weighted);
        out.println("actually won in " + quarter + ": " + won);
    }
}
