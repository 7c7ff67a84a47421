package io.salesops.examples.sample;

import io.salesops.comp.input.Credit;
import io.salesops.core.crm.Opportunity;
import io.salesops.core.crm.Quotas;
import io.salesops.core.org.Org;
import io.salesops.core.org.Rep;
import io.salesops.core.period.Period;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Turns the sample company's CRM data into inputs for the bundled AE plan ({@code ae-marginal.yaml}), as the
 * demo and the quick-start example both run it. Stateless and thread-safe.
 */
public final class PlanInputs {

    private PlanInputs() {
    }

    /**
     * The plan's population: the reps with a quota for {@code period} who were in role during it, as one flat
     * org (each paid on their own deals, no overrides).
     */
    public static Org payees(Org org, Quotas quotas, Period period) {
        List<Rep> payees = new ArrayList<>();
        for (Rep r : org.reps()) {
            boolean active = (r.startDate() == null || !r.startDate().isAfter(period.end()))
                    && (r.endDate() == null || !r.endDate().isBefore(period.start()));
            if (active && quotas.quota(r.id(), period).isPresent()) {
                payees.add(r.withManager(null));
            }
        }
        return Org.of(payees);
    }

    /** One booked credit per deal won in {@code period} by one of {@code payees}. */
    public static List<Credit> credits(Collection<Opportunity> opportunities, Period period, Org payees) {
        List<Credit> credits = new ArrayList<>();
        for (Opportunity o : opportunities) {
            if (o.isWon() && period.contains(o.closeDate()) && payees.contains(o.ownerId())) {
                // The sample CRM calls upsells "expansion"; the plan pays new and upsell.
                String type = "expansion".equals(o.type()) ? "upsell" : o.type();
                credits.add(Credit.booked(o.id(), o.ownerId(), o.closeDate(), o.amount(), type, o.id()));
            }
        }
        return credits;
    }
}
