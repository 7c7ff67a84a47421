package io.salesops.io;

import io.salesops.core.money.Money;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads commission credits (transactions) from a CSV with columns {@code id, payee, date, amount} (required) and
 * {@code currency, type, product, deal_id, status, splits} (optional). Headers are renamed with the same
 * {@link ColumnMapping} mechanism as opportunities ({@code --columns payee=Owner,...}). Columns no field claims
 * become attributes that plans can test (declared in the plan's {@code attributes}).
 *
 * <p>Rules: amounts follow the opportunity rules and must not be negative; a reversal or cancellation is its own
 * row with {@code status} {@code reversed} or {@code cancelled} and the original deal in {@code deal_id}, its
 * amount the amount reversed. {@code splits} is {@code rep-1:60;rep-2:40} (percent, summing to 100). Ids must be
 * unique. Every problem names file, line, column and value; lenient mode keeps the valid rows and never drops a
 * row silently.
 *
 * <p>Immutable and thread-safe.
 */
public final class TransactionCsvReader {

    static final List<Field> FIELDS = List.of(Field.required("id"), Field.required("payee"), Field.required("date"),
            Field.required("amount"), Field.optional("currency"), Field.optional("type"), Field.optional("product"),
            Field.optional("deal_id"), Field.optional("status"), Field.optional("splits"));

    private final CsvSettings settings;

    private TransactionCsvReader(Builder b) {
        this.settings = b.settings();
    }

    /** @return a builder with the defaults: field names as headers, ISO dates, strict, USD */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads transactions from a UTF-8 file (a byte-order mark selects another Unicode encoding).
     *
     * @param path the CSV file, with a header row; not null
     * @return the valid transactions in file order and, in lenient mode, the problems found (empty in strict mode); never null
     * @throws CsvImportException if the header lacks required columns, or in strict mode at the first bad row
     * @throws IOException        if the file cannot be read
     */
    public ImportResult<Transaction> read(Path path) throws IOException {
        return read(CsvImport.Input.of(path));
    }

    /**
     * Reads CSV text; {@code name} stands for the file in problems.
     *
     * @param reader the CSV text with a header row, already decoded; read to the end and closed; not null
     * @param name   what problems call the input, e.g. {@code "upload.csv"}; not null
     * @return the valid transactions in input order and, in lenient mode, the problems found; never null
     * @throws CsvImportException if the header lacks required columns, or in strict mode at the first bad row
     * @throws IOException        if the reader fails
     */
    public ImportResult<Transaction> read(Reader reader, String name) throws IOException {
        return read(CsvImport.Input.of(reader, name));
    }

    private ImportResult<Transaction> read(CsvImport.Input in) throws IOException {
        return CsvImport.read(in, settings, FIELDS, h -> new Converter(h, settings.defaultCurrency()),
                new CsvImport.Unique<>("id", Transaction::id, k -> "id \"" + k + "\"", true)).result();
    }

    private static final class Converter implements CsvImport.Converter<Transaction> {
        private final Col id, payee, date, amount, currency, type, product, dealId, status, splits;
        private final Currency defaultCurrency;

        Converter(Header h, Currency defaultCurrency) {
            id = h.col("id");
            payee = h.col("payee");
            date = h.col("date");
            amount = h.col("amount");
            currency = h.col("currency");
            type = h.col("type");
            product = h.col("product");
            dealId = h.col("deal_id");
            status = h.col("status");
            splits = h.col("splits");
            this.defaultCurrency = defaultCurrency;
        }

        @Override
        public Transaction convert(Cells c) {
            String idV = c.required(id);
            String payeeV = c.requiredPooled(payee);
            LocalDate dateV = c.date(date, true);
            Currency cur = c.currency(currency, defaultCurrency);
            long minor = cur == null ? Cells.NO_AMOUNT : c.minor(amount, cur, true);
            Transaction.Status st = c.has(status) ? c.parse(status, Transaction.Status::parse) : Transaction.Status.BOOKED;
            Map<String, BigDecimal> sp = c.has(splits) ? c.parse(splits, TransactionCsvReader::splits) : Map.of();
            String deal = c.text(dealId);
            if (st != null && st != Transaction.Status.BOOKED && deal == null) {
                // Without the deal, the row would default to its own id, match no booking and claw back nothing.
                String why = "a " + st.name().toLowerCase(java.util.Locale.ROOT) + " row must name the deal it "
                        + (st == Transaction.Status.REVERSED ? "reverses" : "cancels") + " in deal_id";
                if (dealId.present()) {
                    c.problem(dealId, "deal_id is empty; " + why);
                } else {
                    c.problem(status, why + ", and the file has no " + dealId.header + " column");
                }
            }
            if (c.hasProblems() || st == null || sp == null) {
                return null;
            }
            return new Transaction(idV, payeeV, dateV, Money.ofMinor(minor, cur), c.pooled(type), c.pooled(product),
                    deal, st, sp, c.attributes());
        }
    }

    /**
     * Parses {@code rep-1:60;rep-2:40} (a share may end in {@code %}). @throws IllegalArgumentException naming the
     * part and the rule
     */
    static Map<String, BigDecimal> splits(String text) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        BigDecimal total = BigDecimal.ZERO;
        for (String part : text.split(";")) {
            int colon = part.lastIndexOf(':');
            String rep = colon < 0 ? "" : part.substring(0, colon).strip();
            String share = colon < 0 ? "" : part.substring(colon + 1).strip();
            if (colon > 0 && part.indexOf(':') < colon && part.indexOf(',') >= 0) {
                throw new IllegalArgumentException("split \"" + part.strip() + "\" holds more than one rep:percent; separate the"
                        + " splits with ';', e.g. rep-1:60;rep-2:40");
            }
            if (rep.isEmpty() || share.isEmpty() || share.length() > 12) {
                throw new IllegalArgumentException("split \"" + part.strip() + "\" is not rep:percent, e.g. rep-1:60;rep-2:40");
            }
            BigDecimal p;
            try {
                p = io.salesops.core.money.Percent.of(share).value(); // "60%" reads as 60, as in plan files
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("split share \"" + share + "\" of " + rep + " is not a number");
            }
            if (p.signum() <= 0 || p.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw new IllegalArgumentException("split share " + share + " of " + rep + " is outside (0, 100]");
            }
            if (out.put(rep, p) != null) {
                throw new IllegalArgumentException("splits name " + rep + " twice");
            }
            total = total.add(p);
        }
        if (total.compareTo(BigDecimal.valueOf(100)) != 0) {
            throw new IllegalArgumentException("splits sum to " + total.toPlainString() + "%, not 100%");
        }
        return out;
    }

    /** Builds a {@link TransactionCsvReader}; see {@link ReaderBuilder} for the shared options. Not thread-safe. */
    public static final class Builder extends ReaderBuilder<Builder> {
        private Builder() {
        }

        @Override
        List<Field> fields() {
            return FIELDS;
        }

        /** @return a reader with the options set so far; the builder stays usable */
        public TransactionCsvReader build() {
            return new TransactionCsvReader(this);
        }
    }
}
