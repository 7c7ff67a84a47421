package io.salesops.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which header names hold which logical fields: {@code amount=close_value,stage=deal_stage}.
 *
 * <p>A field the mapping leaves out is looked for under its own name ({@code owner} under the header
 * {@code owner}). Header names match ignoring case and surrounding spaces. Columns that no field claims become
 * free-form attributes of the records. A mapping may also name the date format its exports use
 * ({@code date-format=M/d/yyyy}); a date format given to a reader explicitly wins over it.
 *
 * <p>Two mappings ship with the library, as constants and as documented resource files in
 * {@code io/salesops/io/mappings/}: {@link #SALESFORCE} and {@link #HUBSPOT}. Select one by name with
 * {@link #named(String)}, as the {@code --columns} option does.
 *
 * <p>Immutable and thread-safe. No method accepts or returns null.
 */
public final class ColumnMapping {

    /** The key that names a date format rather than a field. */
    public static final String DATE_FORMAT_KEY = "date-format";

    /** No renaming: every field under its own name, ISO dates. */
    public static final ColumnMapping NONE = new ColumnMapping("default", Map.of(), null);

    /**
     * A Salesforce opportunity report exported as CSV ("Export Details"): {@code Opportunity ID, Opportunity
     * Name, Account Name, Opportunity Owner, Stage, Amount, Amount Currency, Created Date, Close Date,
     * Forecast Category, Product Name, Type}, plus the {@code Won} and {@code Closed} checkbox columns from which
     * the status is derived when present; dates as {@code M/d/yyyy} (the US-locale default).
     * See {@code io/salesops/io/mappings/salesforce.properties}.
     */
    public static final ColumnMapping SALESFORCE = fromResource("salesforce");

    /**
     * A HubSpot deals export: {@code Record ID, Deal Name, Associated Company, Deal owner, Deal Stage, Amount,
     * Create Date, Close Date, Forecast category, Deal Type}; {@code Pipeline} and other columns become
     * attributes. Stage names such as {@code closedwon} or {@code Closed Won} give the status. ISO dates, with
     * any time of day ignored. See {@code io/salesops/io/mappings/hubspot.properties}.
     */
    public static final ColumnMapping HUBSPOT = fromResource("hubspot");

    private final String name;
    private final Map<String, String> headers;
    private final String dateFormat;

    private ColumnMapping(String name, Map<String, String> headers, String dateFormat) {
        this.name = name;
        this.headers = headers;
        this.dateFormat = dateFormat;
    }

    /**
     * Parses {@code field=Header Name,field2=other}; an empty text gives {@link #NONE}. Fields are case-insensitive;
     * header names keep their spelling. The key {@code date-format} sets the date format.
     *
     * @param spec comma-separated {@code field=Header} pairs, e.g. {@code amount=Close Value,date-format=M/d/yyyy};
     *             a header cannot contain a comma; not null
     * @return the mapping, named {@code custom}; {@link #NONE} for a blank text
     * @throws IllegalArgumentException naming the entry that has no {@code =}, a blank side, or a repeated field,
     *                                  or an invalid date format
     */
    public static ColumnMapping parse(String spec) {
        Objects.requireNonNull(spec, "spec");
        Map<String, String> entries = new LinkedHashMap<>();
        if (spec.isBlank()) {
            return NONE;
        }
        for (String entry : spec.split(",", -1)) {
            put(entries, entry, "column mapping \"" + spec + "\"");
        }
        return of(entries, "custom");
    }

    /**
     * A mapping from field names to header names; the key {@code date-format} sets the date format.
     *
     * @param fieldToHeader field name (any case) to header name (kept as spelled), e.g.
     *                      {@code Map.of("amount", "Close Value")}; not null, no null key or value
     * @return the mapping, named {@code custom}
     * @throws IllegalArgumentException on a blank field or header name, a field given twice in different case, or an
     *                                  invalid date format
     */
    public static ColumnMapping of(Map<String, String> fieldToHeader) {
        Objects.requireNonNull(fieldToHeader, "fieldToHeader");
        Map<String, String> entries = new LinkedHashMap<>();
        fieldToHeader.forEach((k, v) -> put(entries, k + "=" + v, "column mapping " + fieldToHeader));
        return of(entries, "custom");
    }

    /**
     * A shipped mapping by name ({@code salesforce}, {@code hubspot}, {@code default}), else a mapping parsed
     * from {@code field=Header,...}. This is what the command line's {@code --columns} option accepts.
     *
     * @param nameOrSpec a shipped mapping's name (any case; {@code none} and blank also mean {@code default}), or a
     *                   spec as {@link #parse(String)} reads it; not null
     * @return the mapping
     * @throws IllegalArgumentException if the text is neither a known name nor a valid mapping
     */
    public static ColumnMapping named(String nameOrSpec) {
        Objects.requireNonNull(nameOrSpec, "nameOrSpec");
        switch (nameOrSpec.strip().toLowerCase(Locale.ROOT)) {
            case "salesforce":
                return SALESFORCE;
            case "hubspot":
                return HUBSPOT;
            case "default":
            case "none":
            case "":
                return NONE;
            default:
                if (!nameOrSpec.contains("=")) {
                    throw new IllegalArgumentException("column mapping \"" + nameOrSpec
                            + "\" is neither salesforce, hubspot nor default, nor a list of field=header pairs");
                }
                return parse(nameOrSpec);
        }
    }

    /**
     * Finds how an opportunity export reads when no mapping is given, from its header and first rows, so that a new
     * user's first run works on the file their CRM wrote (a Salesforce report, a HubSpot export, headers that are
     * ours in another spelling) and says what it assumed:
     * <ul>
     *   <li>Columns: our names as they are; else a shipped mapping whose required headers are all there; else each
     *       field from a header that is one of its usual names ({@code Deal Owner}, {@code CloseDate}), compared
     *       without case, spaces or punctuation. Two headers that compare alike are neither taken.</li>
     *   <li>Dates: the one format among ISO, {@code M/d/yyyy}, {@code d/M/yyyy}, {@code d.M.yyyy} and
     *       {@code yyyy/M/d} that reads every sampled created and close date. When both month-first and day-first
     *       read them all (no day above 12), a Salesforce export is month-first; anything else is an error. When no
     *       format reads them all, the mapping's own format stays (each bad date is then a located problem).</li>
     * </ul>
     *
     * @param header     the header's cells as read (a leading byte-order mark is ignored); not null
     * @param sampleRows the first rows after the header, each as its cells, up to
     *                   {@link DetectedMapping#SAMPLE_ROWS}; not null
     * @return the mapping and what was assumed; empty when the export reads as it is (our headers, ISO dates) or
     *         lacks a required field under any name (the reader then lists the missing columns)
     * @throws DetectedMapping.AmbiguousDatesException when the dates read equally as month-first and day-first
     */
    public static Optional<DetectedMapping> detect(List<String> header, List<List<String>> sampleRows) {
        return DetectedMapping.of(Objects.requireNonNull(header, "header"), Objects.requireNonNull(sampleRows, "sampleRows"));
    }

    /**
     * Finds how an opportunity export's columns read, as {@link #detect} does, when the caller names the date
     * format: the mapping keeps its own (a shipped mapping's, else ISO), and the header alone decides.
     *
     * @param header the header's cells as read (a leading byte-order mark is ignored); not null
     * @return the mapping and what was assumed; empty when the header is ours or lacks a required field under any
     *         name
     */
    public static Optional<DetectedMapping> detectColumns(List<String> header) {
        return DetectedMapping.of(Objects.requireNonNull(header, "header"));
    }

    /**
     * This mapping with {@code overrides} applied on top: their fields and date format win, e.g.
     * {@code SALESFORCE.and(parse("amount=ARR"))} for a Salesforce export whose amount column is renamed.
     *
     * @param overrides the mapping whose entries replace this one's; not null
     * @return a new mapping named {@code this+overrides}; this one is unchanged
     */
    public ColumnMapping and(ColumnMapping overrides) {
        Map<String, String> merged = new LinkedHashMap<>(headers);
        merged.putAll(overrides.headers);
        String df = overrides.dateFormat != null ? overrides.dateFormat : dateFormat;
        return new ColumnMapping(name + "+" + overrides.name, Collections.unmodifiableMap(merged), df);
    }

    /**
     * The header a field is read from.
     *
     * @param field a logical field name such as {@code amount}, any case; not null
     * @return the header name for {@code field}: the mapped one, else the field name itself as given
     */
    public String header(String field) {
        return headers.getOrDefault(field.toLowerCase(Locale.ROOT), field);
    }

    /** @return the fields this mapping renames, with their header names, in the order given */
    public Map<String, String> fields() {
        return headers;
    }

    /** @return the date format the mapped exports use, if the mapping names one */
    public Optional<String> dateFormat() {
        return Optional.ofNullable(dateFormat);
    }

    /** @return {@code salesforce}, {@code hubspot}, {@code default} or {@code custom} */
    public String name() {
        return name;
    }

    private static ColumnMapping of(Map<String, String> entries, String name) {
        String df = entries.remove(DATE_FORMAT_KEY);
        if (df != null) {
            DateParser.of(df);
        }
        return new ColumnMapping(name, Collections.unmodifiableMap(entries), df);
    }

    private static void put(Map<String, String> entries, String entry, String where) {
        int eq = entry.indexOf('=');
        if (eq < 0) {
            throw new IllegalArgumentException("entry \"" + entry.strip() + "\" of " + where + " is not field=header");
        }
        String field = entry.substring(0, eq).strip().toLowerCase(Locale.ROOT);
        String header = entry.substring(eq + 1).strip();
        if (field.isEmpty() || header.isEmpty()) {
            throw new IllegalArgumentException("entry \"" + entry.strip() + "\" of " + where + " has a blank "
                    + (field.isEmpty() ? "field" : "header") + " name");
        }
        if (entries.putIfAbsent(field, header) != null) {
            throw new IllegalArgumentException("field \"" + field + "\" is mapped twice in " + where);
        }
    }

    private static ColumnMapping fromResource(String name) {
        String path = "mappings/" + name + ".properties";
        try (InputStream in = ColumnMapping.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("resource io/salesops/io/" + path + " is missing from the jar");
            }
            Map<String, String> entries = new LinkedHashMap<>();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                if (!line.isBlank() && !line.strip().startsWith("#")) {
                    put(entries, line, "io/salesops/io/" + path);
                }
            }
            return of(entries, name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Mappings are equal if they map the same fields to the same headers and name the same date format. */
    @Override
    public boolean equals(Object o) {
        return o instanceof ColumnMapping m && m.headers.equals(headers) && Objects.equals(m.dateFormat, dateFormat);
    }

    @Override
    public int hashCode() {
        return headers.hashCode() * 31 + Objects.hashCode(dateFormat);
    }

    /** @return e.g. {@code salesforce{id=Opportunity ID, ...}} */
    @Override
    public String toString() {
        return name + headers + (dateFormat == null ? "" : " dates " + dateFormat);
    }
}
