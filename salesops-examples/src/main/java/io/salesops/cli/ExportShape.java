package io.salesops.cli;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.salesops.io.ColumnMapping;
import io.salesops.io.OpportunityCsvReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * How to read an opportunity export the user gave no {@code --columns} for. A new user's first run should work on
 * the file their CRM wrote: a Salesforce report ({@code Opportunity ID}, {@code Created Date}, US dates), a HubSpot
 * export, or headers that are ours in another spelling ({@code Close Date}, {@code CloseDate}). The header and the
 * first {@value #SAMPLE_ROWS} rows decide; what was assumed is said, so nothing is guessed silently:
 * <ul>
 *   <li>Columns: our names as they are; else a shipped mapping whose required headers are all there; else each
 *       field from a header that is one of its usual names, compared without case, spaces or punctuation.</li>
 *   <li>Dates: the one format among ISO, {@code M/d/yyyy}, {@code d/M/yyyy}, {@code d.M.yyyy} and
 *       {@code yyyy/M/d} that reads every sampled date. When both month-first and day-first read them all (no day
 *       above 12), a Salesforce export is month-first; any other file is an error that names both readings.
 *       A later row that the chosen format cannot read is still a located problem of its own.</li>
 * </ul>
 */
final class ExportShape {

    static final int SAMPLE_ROWS = 5_000;

    private static final List<String> REQUIRED = List.of("id", "owner", "stage", "amount", "created_date");
    /** Usual header names of each field in CRM exports, as {@link #squash(String)} writes them. */
    private static final Map<String, List<String>> ALIASES = aliases();
    private static final String ISO = "yyyy-MM-dd";
    private static final List<String> DATE_FORMATS = List.of(ISO, "M/d/yyyy", "d/M/yyyy", "d.M.yyyy", "yyyy/M/d");
    private static final Pattern TIME = Pattern.compile("[,]?\\s*T?\\s*\\d{1,2}:\\d{2}.*");

    /** A mapping to read the file with, and the one line that says what was assumed. */
    record Reading(ColumnMapping mapping, String note) {
    }

    private ExportShape() {
    }

    /**
     * Sets the builder's mapping to how {@code file} reads, when it does not read as it is, and says so.
     *
     * @param dates whether to choose the date format too (false when the user named one)
     * @param note  takes the one line that says what was assumed
     * @throws UserInputException when the dates read equally as month-first and day-first
     */
    static void configure(OpportunityCsvReader.Builder builder, Path file, Charset charset, boolean dates,
                          Consumer<String> note) {
        detect(file, charset, dates).ifPresent(shape -> {
            builder.mapping(shape.mapping());
            note.accept(shape.note());
        });
    }

    /**
     * @param dates whether to choose the date format too (false when the user named one)
     * @return how to read {@code file}, or empty when it reads as it is (our headers, ISO dates) or cannot be
     *         sampled (the reader then reports the file's problems itself)
     * @throws UserInputException when the dates read equally as month-first and day-first
     */
    static Optional<Reading> detect(Path file, Charset charset, boolean dates) {
        List<String> header;
        List<String[]> rows = new ArrayList<>();
        try (Reader in = reader(file, charset); CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(in)) {
            Iterator<CsvRecord> it = csv.iterator();
            if (!it.hasNext()) {
                return Optional.empty();
            }
            header = new ArrayList<>(it.next().getFields());
            if (!header.isEmpty() && header.get(0).startsWith("\uFEFF")) {
                header.set(0, header.get(0).substring(1));
            }
            while (it.hasNext() && rows.size() < SAMPLE_ROWS) {
                rows.add(it.next().getFields().toArray(new String[0]));
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // unreadable here means unreadable there: the reader names line and column
        }
        Map<String, Integer> exact = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            exact.putIfAbsent(header.get(i).strip().toLowerCase(Locale.ROOT), i);
        }
        ColumnMapping base = null;
        String described = null;
        Map<String, String> renamed = byAlias(header, exact);
        if (REQUIRED.stream().allMatch(exact::containsKey)) {
            if (!renamed.isEmpty()) {
                base = ColumnMapping.of(renamed);
                described = "salesops columns and " + spec(renamed);
            }
        } else {
            for (ColumnMapping shipped : List.of(ColumnMapping.SALESFORCE, ColumnMapping.HUBSPOT)) {
                if (REQUIRED.stream().allMatch(f -> exact.containsKey(shipped.header(f).toLowerCase(Locale.ROOT)))) {
                    base = shipped;
                    described = "a " + (shipped == ColumnMapping.SALESFORCE ? "Salesforce" : "HubSpot")
                            + " export (--columns " + shipped.name() + ")";
                    break;
                }
            }
            if (base == null) {
                if (!REQUIRED.stream().allMatch(f -> exact.containsKey(f) || renamed.containsKey(f))) {
                    return Optional.empty(); // the reader lists the required columns the header lacks
                }
                base = ColumnMapping.of(renamed);
                described = "columns " + spec(renamed);
            }
        }
        ColumnMapping mapping = base == null ? ColumnMapping.NONE : base;
        String declared = mapping.dateFormat().orElse(ISO);
        String format = dates ? dateFormat(file, sampleDates(rows, mapping, exact), declared) : declared;
        if (base == null && format.equals(ISO)) {
            return Optional.empty();
        }
        if (!format.equals(declared)) {
            mapping = mapping.and(ColumnMapping.parse(ColumnMapping.DATE_FORMAT_KEY + "=" + format));
        }
        String note = "read " + file.getFileName() + " as " + (described == null ? "salesops columns" : described)
                + (!dates || format.equals(ISO) ? "" : " with dates " + format)
                + "; give --columns to read it otherwise";
        return Optional.of(new Reading(mapping, note));
    }

    /**
     * @return the one format of {@link #DATE_FORMATS} that reads every sampled date; {@code declared} when it does,
     *         or when none does (each bad date becomes a located problem of its row)
     * @throws UserInputException when month-first and day-first both read them all
     */
    private static String dateFormat(Path file, List<String> sampled, String declared) {
        List<String> fits = new ArrayList<>();
        for (String f : DATE_FORMATS) {
            if (readsAll(f, sampled)) {
                fits.add(f);
            }
        }
        if (fits.isEmpty() || fits.contains(declared)) {
            return declared;
        }
        if (fits.contains("M/d/yyyy") && fits.contains("d/M/yyyy")) {
            throw new UserInputException(file + ": dates such as \"" + ambiguous(sampled) + "\" read both as month/day"
                    + " (M/d/yyyy) and as day/month (d/M/yyyy), and no sampled date has a day above 12; give --columns"
                    + " date-format=M/d/yyyy or --columns date-format=d/M/yyyy");
        }
        return fits.get(0);
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

    private static List<String> sampleDates(List<String[]> rows, ColumnMapping mapping, Map<String, Integer> exact) {
        List<String> dates = new ArrayList<>();
        for (String field : List.of("created_date", "close_date")) {
            Integer col = exact.get(mapping.header(field).toLowerCase(Locale.ROOT));
            if (col == null) {
                continue;
            }
            for (String[] r : rows) {
                if (col < r.length && !r[col].isBlank()) {
                    dates.add(TIME.matcher(r[col].strip()).replaceFirst(""));
                }
            }
        }
        return dates;
    }

    private static boolean readsAll(String pattern, List<String> dates) {
        DateTimeFormatter f = DateTimeFormatter.ofPattern(pattern.replace('y', 'u'), Locale.ROOT)
                .withResolverStyle(ResolverStyle.STRICT);
        if (dates.isEmpty()) {
            return false;
        }
        for (String d : dates) {
            try {
                LocalDate.parse(d, f);
            } catch (DateTimeParseException e) {
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

    private static Reader reader(Path file, Charset charset) throws IOException {
        // Only for sampling: a bad byte is the reader's to report with its line, column and offset.
        return new java.io.InputStreamReader(Files.newInputStream(file), charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE));
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
        return java.util.Collections.unmodifiableMap(m);
    }
}
