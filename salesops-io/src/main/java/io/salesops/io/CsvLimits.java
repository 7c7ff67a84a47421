package io.salesops.io;

/**
 * Bounds that keep a hostile or broken file from exhausting memory. A field or row beyond a bound is a
 * located problem; a file with more rows than {@code maxRows} stops the import. Immutable and thread-safe.
 *
 * @param maxFieldLength the most characters in one field, at least 1
 * @param maxColumns     the most columns in the header or a row, at least 1
 * @param maxRows        the most data rows in one file, at least 1
 */
public record CsvLimits(int maxFieldLength, int maxColumns, int maxRows) {

    /** 100,000 characters per field, 1,000 columns, 50 million rows. */
    public static final CsvLimits DEFAULT = new CsvLimits(100_000, 1_000, 50_000_000);

    /**
     * Validates the bounds.
     *
     * @param maxFieldLength the most characters in one field, at least 1
     * @param maxColumns     the most columns in the header or a row, at least 1
     * @param maxRows        the most data rows in one file (header not counted), at least 1
     * @throws IllegalArgumentException naming a bound below 1
     */
    public CsvLimits {
        if (maxFieldLength < 1 || maxColumns < 1 || maxRows < 1) {
            throw new IllegalArgumentException("CSV limits must be at least 1: maxFieldLength=" + maxFieldLength
                    + ", maxColumns=" + maxColumns + ", maxRows=" + maxRows);
        }
    }
}
