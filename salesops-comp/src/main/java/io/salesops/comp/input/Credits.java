package io.salesops.comp.input;

import io.salesops.core.crm.Opportunity;
import io.salesops.core.period.Period;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Credits from CRM records: the glue between a CRM export ({@link Opportunity}, read by salesops-io) and the
 * commission engine. Stateless and thread-safe.
 *
 * <pre>{@code
 * List<Credit> credits = Credits.fromWon(opportunities, q1, CreditRules.standard().withType("expansion", "upsell"));
 * }</pre>
 */
public final class Credits {
    private Credits() {
    }

    /**
     * One booked credit per opportunity won in {@code period}: id and deal id are the opportunity's, the owner is
     * the payee, the close date the crediting date, the amount the opportunity's amount; type (renamed by the
     * rules), product and every other CRM field (as attributes) are copied. Open and lost opportunities, and deals
     * won outside the period, give no credit.
     *
     * @param opportunities the CRM's opportunities, any status
     * @param period        the period whose wins are credited
     * @param rules         how types are named, {@link CreditRules#standard()} for the CRM's own
     * @return the credits, in the order of the opportunities; unmodifiable
     * @throws NullPointerException if an argument or an opportunity is null
     */
    public static List<Credit> fromWon(Collection<Opportunity> opportunities, Period period, CreditRules rules) {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(rules, "rules");
        List<Credit> out = new ArrayList<>();
        for (Opportunity o : opportunities) {
            if (o.isWon() && period.contains(o.closeDate())) {
                out.add(Credit.builder(o.id())
                        .payee(o.ownerId())
                        .date(o.closeDate())
                        .amount(o.amount())
                        .type(rules.type(o.type() == null ? "" : o.type()))
                        .product(o.product())
                        .attributes(o.attributes())
                        .build());
            }
        }
        return List.copyOf(out);
    }
}
