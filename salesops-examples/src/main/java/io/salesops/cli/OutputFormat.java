package io.salesops.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * How a command prints its result: an aligned text {@link #TABLE} for people, {@link #JSON} or {@link #CSV}
 * for programs. Commands take it with {@code @Mixin OutputFormatOption format;}, which adds
 * {@code --format table|json|csv} (default table; case-insensitive), and print a {@link TablePrinter} in it
 * with {@link TablePrinter#print(PrintWriter, OutputFormat)}.
 */
public enum OutputFormat {
    /** An aligned text table, numbers right-aligned. */
    TABLE,
    /** JSON. */
    JSON,
    /** RFC 4180 CSV with a header row. */
    CSV;

    /**
     * Parses {@code table}, {@code json} or {@code csv}, ignoring case.
     *
     * @throws UserInputException naming the text and the accepted values
     */
    public static OutputFormat parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UserInputException("output format \"" + text + "\" is not one of table, json, csv");
        }
    }

    /** @return the lower-case name used on the command line */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
