package io.salesops.io;

import java.nio.charset.Charset;
import java.util.Currency;

/** The options every reader shares, fixed when a reader is built. Immutable and thread-safe. */
record CsvSettings(ColumnMapping mapping, DateParser dates, CsvLimits limits, boolean strict, Currency defaultCurrency,
                   Charset charset, boolean parallel, long parallelMinBytes) {
}
