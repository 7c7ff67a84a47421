package io.salesops.io;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How an opportunity export reads that is not in salesops' own shape, as {@link ColumnMapping#detect} found it from
 * the export's header and first rows: the mapping to read it with, and what was assumed, so that nothing is guessed
 * silently.
 *
 * <p>Immutable and thread-safe; no accessor returns null.
 *
 * @param mapping    the mapping to read the export with, its date format included
 * @param shipped    the name of the shipped mapping ({@code salesforce}, {@code hubspot}) whose required headers
 *                   are all there, or empty
 * @param renamed    the fields read from a header that is one of their usual names, field to header, in field
 *                   order; empty when a shipped mapping is used
 * @param dateFormat the date format that alone reads every sampled date, when the sample decided it and it is not
 *                   ISO; else empty
 */
public record DetectedMapping(ColumnMapping mapping, Optional<String> shipped, Map<String, String> renamed,
                              Optional<String> dateFormat) {

    /**
     * Checks the parts and keeps an unmodifiable copy of {@code renamed}.
     *
     * @param mapping    the mapping to read the export with
     * @param shipped    the shipped mapping's name, or empty
     * @param renamed    the fields read from a usual name of theirs, field to header
     * @param dateFormat the date format the sample decided, if not ISO
     * @throws NullPointerException if an argument is null
     */
    public DetectedMapping {
        Objects.requireNonNull(mapping, "mapping");
        Objects.requireNonNull(shipped, "shipped");
        Objects.requireNonNull(dateFormat, "dateFormat");
        renamed = Collections.unmodifiableMap(new LinkedHashMap<>(renamed));
    }

    /**
     * Thrown when the sampled dates read both month-first and day-first (no day above 12) and nothing says which:
     * a reading would be a guess. The message names an example and both readings.
     */
    public static final class AmbiguousDatesException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        AmbiguousDatesException(String example) {
            super("dates such as \"" + example + "\" read both as month/day (" + MONTH_FIRST + ") and as day/month ("
                    + DAY_FIRST + "), and no sampled date has a day above 12");
        }
    }

    /** The number of rows after the header that {@link #of} is meant to be given, at most. */
    public static final int SAMPLE_ROWS = 5_000;

    private static final String ISO = DateParser.ISO;
    private static final String MONTH_FIRST = "M/d/yyyy";
    private static final String DAY_FIRST = "d/M/yyyy";
    private static final List<String> DATE_FORMATS = List.of(ISO, MONTH_FIRST, DAY_FIRST, "d.M.yyyy", "yyyy/M/d");
    private static final List<String> REQUIRED = OpportunityCsvReader.FIELDS.stream().filter(Field::required)
            .map(Field::name).toList();
    /** Usual header names of each field in CRM exports, as {@link #squash(String)} writes them. */
    private static final Map<String, List<String>> ALIASES = aliases();

    /**
     * What was assumed, in one phrase: {@code a Salesforce export (--columns salesforce) with dates M/d/yyyy},
     * {@code columns id=Deal ID,owner=Deal Owner}, {@code salesops columns and amount=Deal Value}.
     *
     * @param option how the caller's users give a mapping, e.g. {@code --columns}; it prefixes the shipped
     *               mapping's name; not null
     * @return the phrase
     */
    public String describe(String option) {
        String columns;
        if (shipped.isPresent()) {
            String name = shipped.get();
            columns = "a " + (name.equals("salesforce") ? "Salesforce" : "HubSpot") + " export (" + option + " "
                    + name + ")";
        } else if (renamed.isEmpty()) {
            columns = "salesops columns";
        } else {
            // no required field renamed: the header has all of them under their own names
            boolean ours = REQUIRED.stream().noneMatch(renamed::containsKey);
            columns = (ours ? "salesops columns and " : "columns ") + spec(renamed);
        }
        return columns + dateFormat.map(f -> " with dates " + f).orElse("");
    }

    /**
     * Detects how an export reads from its header alone, the date format being the mapping's own (the caller
     * names one): see {@link ColumnMapping#detectColumns(List)}.
     */
    static Optional<DetectedMapping> of(List<String> header) {
        return of(header, null);
    }

    /**
     * Detects how an export reads: see {@link ColumnMapping#detect(List, List)}.
     *
     * @param rows the sampled rows, or null not to choose a date format
     */
    static Optional<DetectedMapping> of(List<String> headerCells, List<List<String>> rows) {
        List<String> header = new ArrayList<>(headerCells);
        if (!header.isEmpty() && header.get(0).startsWith("\uFEFF")) {
            header.set(0, header.get(0).substring(1));
        }
        Map<String, Integer> exact = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            exact.putIfAbsent(header.get(i).strip().toLowerCase(Locale.ROOT), i);
        }
        ColumnMapping base = null;
        String shipped = null;
        Map<String, String> renamed = byAlias(header, exact);
        if (REQUIRED.stream().allMatch(exact::containsKey)) {
            if (!renamed.isEmpty()) {
                base = ColumnMapping.of(renamed);
            }
        } else {
            for (ColumnMapping m : List.of(ColumnMapping.SALESFORCE, ColumnMapping.HUBSPOT)) {
                if (REQUIRED.stream().allMatch(f -> exact.containsKey(m.header(f).toLowerCase(Locale.ROOT)))) {
                    base = m;
                    shipped = m.name();
                    break;
                }
            }
            if (base == null) {
                if (!REQUIRED.stream().allMatch(f -> exact.containsKey(f) || renamed.containsKey(f))) {
                    return Optional.empty(); // the reader lists the required columns the header lacks
                }
                base = ColumnMapping.of(renamed);
            }
        }
        ColumnMapping mapping = base == null ? ColumnMapping.NONE : base;
        String declared = mapping.dateFormat().orElse(ISO);
        String format = rows != null ? dateFormat(sampleDates(rows, mapping, exact), declared) : declared;
        if (base == null && format.equals(ISO)) {
            return Optional.empty();
        }
        if (!format.equals(declared)) {
            mapping = mapping.and(ColumnMapping.parse(ColumnMapping.DATE_FORMAT_KEY + "=" + format));
        }
        return Optional.of(new DetectedMapping(mapping, Optional.ofNullable(shipped),
                shipped == null ? renamed : Map.of(),
                rows == null || format.equals(ISO) ? Optional.empty() : Optional.of(format)));
    }

    /**
     * @return the one format of {@link #DATE_FORMATS} that reads every sampled date; {@code declared} when it does,
     *         or when none does (each bad date becomes a located problem of its row)
     * @throws AmbiguousDatesException when month-first and day-first both read them all
     */
    private static String dateFormat(List<String> sampled, String declared) {
        List<String> fits = new ArrayList<>();
        for (String f : DATE_FORMATS) {
            if (readsAll(f, sampled)) {
                fits.add(f);
            }
        }
        if (fits.isEmpty() || fits.contains(declared)) {
            return declared;
        }
        if (fits.contains(MONTH_FIRST) && fits.contains(DAY_FIRST)) {
            throw new AmbiguousDatesException(ambiguous(sampled));
        }
        return fits.get(0);
    }

    /**
     * The opportunity fields a header holds under one of their usual names, whether or not every required one is
     * there (so an error about the missing ones can say which were found).
     *
     * @param header the header's names, stripped
     * @return field to header, for the fields not under their own name
     */
    static Map<String, String> usualNames(List<String> header) {
        Map<String, Integer> exact = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            exact.putIfAbsent(header.get(i).strip().toLowerCase(Locale.ROOT), i);
        }
        return byAlias(header, exact);
    }

    private static Map<String, String> byAlias(List<String> header, Map<String, Integer> exact) {
        Map<String, List<String>> bySquashed = new HashMap<>();
        for (String h : header) {
            bySquashed.computeIfAbsent(squash(h), k -> new ArrayList<>()).add(h.strip());
        }
        Map<String, String> renamed = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : ALIASES.entrySet()) {
            String field = e.getKey();
            if (exact.containsKey(field)) {
                continue;
            }
            for (String alias : e.getValue()) {
                List<String> hits = bySquashed.get(alias);
                if (hits == null || hits.size() != 1) {
                    continue; // absent, or two headers squash alike: not ours to choose
                }
                String h = hits.get(0);
                if (!renamed.containsValue(h) && !ALIASES.containsKey(h.toLowerCase(Locale.ROOT))) {
                    renamed.put(field, h);
                    break;
                }
            }
        }
        return renamed;
    }

    /** @return the non-blank created and close dates of the sample, each without a time of day */
    private static List<String> sampleDates(List<List<String>> rows, ColumnMapping mapping, Map<String, Integer> exact) {
        List<String> dates = new ArrayList<>();
        for (String field : List.of("created_date", "close_date")) {
            Integer col = exact.get(mapping.header(field).toLowerCase(Locale.ROOT));
            if (col == null) {
                continue;
            }
            for (List<String> r : rows) {
                if (col < r.size() && !r.get(col).isBlank()) {
                    dates.add(DateParser.withoutTime(r.get(col).strip()));
                }
            }
        }
        return dates;
    }

    private static boolean readsAll(String pattern, List<String> dates) {
        if (dates.isEmpty()) {
            return false;
        }
        DateParser parser = DateParser.of(pattern);
        LocalDate[] cache = new LocalDate[DateParser.CACHE_SIZE];
        for (String d : dates) {
            try {
                parser.parse(d.toCharArray(), 0, d.length(), cache);
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        return true;
    }

    private static String ambiguous(List<String> dates) {
        for (String d : dates) {
            String[] p = d.split("/");
            if (p.length == 3 && !p[0].equals(p[1])) {
                return d;
            }
        }
        return dates.get(0);
    }

    private static String spec(Map<String, String> renamed) {
        StringBuilder sb = new StringBuilder();
        renamed.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ",").append(k).append('=').append(v));
        return sb.toString();
    }

    /** {@code "Opportunity ID"}, {@code "opportunity_id"} and {@code "OpportunityId"} all become {@code opportunityid}. */
    static String squash(String headerName) {
        StringBuilder sb = new StringBuilder(headerName.length());
        for (int i = 0; i < headerName.length(); i++) {
            char c = headerName.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString();
    }

    private static Map<String, List<String>> aliases() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("id", List.of("id", "opportunityid", "dealid", "recordid", "opportunityidcasesafe", "oppid"));
        m.put("name", List.of("name", "opportunityname", "dealname", "oppname"));
        m.put("account", List.of("account", "accountname", "company", "companyname", "associatedcompany", "customer"));
        m.put("owner", List.of("owner", "opportunityowner", "dealowner", "ownername", "owneremail", "salesrep", "rep",
                "accountexecutive", "salesagent"));
        m.put("stage", List.of("stage", "stagename", "dealstage", "opportunitystage", "salesstage"));
        m.put("amount", List.of("amount", "dealamount", "opportunityamount", "dealvalue", "value", "closevalue"));
        m.put("currency", List.of("currency", "amountcurrency", "currencyisocode", "currencycode", "dealcurrency"));
        m.put("created_date", List.of("createddate", "createdate", "datecreated", "createdon", "creationdate",
                "engagedate", "opendate"));
        m.put("close_date", List.of("closedate", "closeddate", "expectedclosedate", "dateclosed", "closedon"));
        m.put("status", List.of("status", "outcome", "dealstatus", "wonlost"));
        m.put("forecast_category", List.of("forecastcategory", "forecastcategoryname"));
        m.put("product", List.of("product", "productname"));
        m.put("type", List.of("type", "opportunitytype", "dealtype"));
        return Collections.unmodifiableMap(m);
    }
}
