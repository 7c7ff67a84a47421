package io.salesops.comp.file;

import io.salesops.comp.input.Credit;
import io.salesops.comp.input.CreditStatus;
import io.salesops.comp.input.DealPayment;
import io.salesops.comp.input.DealPayments;
import io.salesops.comp.input.ExchangeRates;
import io.salesops.comp.input.Split;
import io.salesops.core.money.Percent;
import io.salesops.io.DealPaymentRow;
import io.salesops.io.ExchangeRateRow;
import io.salesops.io.Transaction;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Turns rows read by salesops-io ({@link io.salesops.io.TransactionCsvReader},
 * {@link io.salesops.io.ExchangeRateCsvReader}) into the engine's inputs. The rows are already checked cell by
 * cell, with file, line and column; what remains here cannot fail for a row the readers accepted.
 * Stateless and thread-safe.
 */
public final class CompInputs {

    private CompInputs() {
    }

    /**
     * @param row a transaction row, not null
     * @return the credit it describes: same id, payee, date, amount, type, product, deal, status, splits, attributes
     */
    public static Credit credit(Transaction row) {
        List<Split> splits = new ArrayList<>(row.splits().size());
        row.splits().forEach((rep, share) -> splits.add(new Split(rep, Percent.of(share))));
        CreditStatus status = switch (row.status()) {
            case BOOKED -> CreditStatus.BOOKED;
            case REVERSED -> CreditStatus.REVERSED;
            case CANCELLED -> CreditStatus.CANCELLED;
        };
        return new Credit(row.id(), row.payee(), row.date(), row.amount(), row.type(), row.product(), row.dealId(),
                status, splits, row.attributes());
    }

    /**
     * Converts every row, as {@link #credit(Transaction)} does.
     *
     * @param rows transaction rows as the reader returned them
     * @return the credits, one per row in the same order; a new mutable list
     * @throws NullPointerException if {@code rows} or a row is null
     */
    public static List<Credit> credits(Collection<Transaction> rows) {
        List<Credit> out = new ArrayList<>(rows.size());
        for (Transaction t : rows) {
            out.add(credit(t));
        }
        return out;
    }

    /**
     * Builds the exchange-rate table of the rows.
     *
     * @param rows exchange-rate rows as the reader returned them
     * @return an exchange-rate table of {@code rows}
     * @throws io.salesops.core.problem.SalesopsInputException if a pair has two rates on one day (the CSV reader
     *                                                         reports that per row first)
     * @throws NullPointerException                            if {@code rows} or a row is null
     */
    public static ExchangeRates rates(Collection<ExchangeRateRow> rows) {
        List<ExchangeRates.Rate> rates = new ArrayList<>(rows.size());
        for (ExchangeRateRow r : rows) {
            rates.add(new ExchangeRates.Rate(r.from(), r.to(), r.effectiveDate(), r.rate()));
        }
        return ExchangeRates.of(rates);
    }

    /**
     * The payments of the rows of a collections file ({@link io.salesops.io.DealPaymentCsvReader}).
     *
     * @param rows payment rows as the reader returned them
     * @return the payments, for {@link io.salesops.comp.input.CompContext#withPayments}
     * @throws NullPointerException if {@code rows} or a row is null
     */
    public static DealPayments payments(Collection<DealPaymentRow> rows) {
        List<DealPayment> out = new ArrayList<>(rows.size());
        for (DealPaymentRow r : rows) {
            out.add(new DealPayment(r.dealId(), r.date(), r.amount()));
        }
        return DealPayments.of(out);
    }
}
