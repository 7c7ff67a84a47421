package io.salesops.io;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A file's header resolved against a reader's fields and a {@link ColumnMapping}: where each field is, and
 * which other columns become attributes. Resolving reports every header problem at once.
 */
final class Header {

    final String file;
    final long line;
    final List<String> names;
    private final Map<String, Col> cols;
    /** Column indexes that no field claims, and their attribute names. */
    final int[] attributeIndexes;
    final String[] attributeNames;

    private Header(String file, long line, List<String> names, Map<String, Col> cols, int[] attributeIndexes,
                   String[] attributeNames) {
        this.file = file;
        this.line = line;
        this.names = names;
        this.cols = cols;
        this.attributeIndexes = attributeIndexes;
        this.attributeNames = attributeNames;
    }

    static Header resolve(String file, CsvRow row, List<Field> fields, ColumnMapping mapping) {
        List<ImportProblem> problems = new ArrayList<>();
        List<String> names = new ArrayList<>();
        Map<String, Integer> byKey = new HashMap<>();
        for (int i = 0; i < row.size(); i++) {
            String name = row.raw(i);
            if (i == 0 && name.startsWith("\uFEFF")) {
                name = name.substring(1);
            }
            name = name.strip();
            names.add(name);
            if (name.isEmpty()) {
                continue;
            }
            Integer prev = byKey.putIfAbsent(key(name), i);
            if (prev != null) {
                problems.add(new ImportProblem(file, row.line, name, i + 1, name, "header \"" + name
                        + "\" appears twice, in columns " + (prev + 1) + " and " + (i + 1)));
            }
        }
        if (row.fieldCount > row.size()) {
            problems.add(new ImportProblem(file, row.line, null, 0, null, "header has " + row.fieldCount
                    + " columns, more than the limit of " + row.size()));
        }
        if (row.longField >= 0) {
            problems.add(new ImportProblem(file, row.line, null, row.longField + 1, row.longFieldStart + "...",
                    "header name of " + row.longFieldLength + " characters is longer than the limit"));
        }
        Map<String, Col> cols = new HashMap<>();
        boolean[] claimed = new boolean[names.size()];
        List<String> missing = new ArrayList<>();
        // An opportunity export read without a mapping: fields found under a usual name of theirs are not missing,
        // they were not taken only because another required field has no column at all; say which is which.
        Map<String, String> usual = mapping == ColumnMapping.NONE && fields == OpportunityCsvReader.FIELDS
                ? DetectedMapping.usualNames(names) : Map.of();
        List<String> foundAs = new ArrayList<>();
        for (Field f : fields) {
            String header = mapping.header(f.name());
            Integer idx = byKey.get(key(header));
            cols.put(f.name(), new Col(f.name(), header, idx == null ? -1 : idx));
            if (idx != null) {
                claimed[idx] = true;
            } else if (f.required() && usual.containsKey(f.name())) {
                foundAs.add(f.name() + "=" + usual.get(f.name()));
            } else if (f.required()) {
                missing.add(header.equals(f.name()) ? "\"" + header + "\"" : "\"" + header + "\" (" + f.name() + ")");
            }
        }
        char separator = otherSeparator(names);
        if (separator != 0) {
            problems.add(new ImportProblem(file, row.line, null, 0, null, "header is one column, " + shown(names)
                    + ", whose names are separated by '" + (separator == '\t' ? "\\t" : String.valueOf(separator))
                    + "': salesops reads comma-separated files; save or export the file with ',' between columns"));
        } else if (!missing.isEmpty()) {
            List<String> expected = new ArrayList<>();
            for (Field f : fields) {
                if (f.required()) {
                    expected.add(mapping.header(f.name()));
                }
            }
            problems.add(new ImportProblem(file, row.line, null, 0, null, "header lacks required column"
                    + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing) + "; required columns are "
                    + expected + (mapping == ColumnMapping.NONE ? "" : " (column mapping " + mapping.name() + ")")
                    + ", found " + shown(names) + (foundAs.isEmpty() ? "" : "; the header has the others under their usual"
                    + " names, so a column mapping naming these with the missing ones reads it: " + String.join(",", foundAs))));
        }
        if (!problems.isEmpty()) {
            throw new CsvImportException(problems);
        }
        List<Integer> attrIdx = new ArrayList<>();
        List<String> attrNames = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (!claimed[i]) {
                attrIdx.add(i);
                attrNames.add(names.get(i).isEmpty() ? "column " + (i + 1) : names.get(i));
            }
        }
        return new Header(file, row.line, List.copyOf(names), cols, attrIdx.stream().mapToInt(Integer::intValue).toArray(),
                attrNames.toArray(new String[0]));
    }

    /** @return the resolved column of a field the reader declared */
    Col col(String field) {
        Col c = cols.get(field);
        if (c == null) {
            throw new IllegalStateException("field " + field + " was not declared");
        }
        return c;
    }

    int size() {
        return names.size();
    }

    /**
     * @return the separator of a header that came out as one column holding {@code ';'} or a tab (an export saved
     *         with another list separator, as spreadsheets in many locales do), else 0
     */
    private static char otherSeparator(List<String> names) {
        if (names.size() != 1) {
            return 0;
        }
        String only = names.get(0);
        return only.indexOf(';') >= 0 ? ';' : only.indexOf('\t') >= 0 ? '\t' : 0;
    }

    private static String key(String headerName) {
        return headerName.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * The header's names for a message: the first {@value #NAMES_SHOWN}, each cut to 40 characters, and how many
     * more; a 1,000-column header would otherwise make a line of thousands of characters.
     */
    private static String shown(List<String> names) {
        List<String> head = new ArrayList<>();
        for (String n : names.subList(0, Math.min(names.size(), NAMES_SHOWN))) {
            head.add(n.length() <= 40 ? n : n.substring(0, 40) + "...");
        }
        if (names.size() > NAMES_SHOWN) {
            head.add("and " + (names.size() - NAMES_SHOWN) + " more");
        }
        return head.toString();
    }

    private static final int NAMES_SHOWN = 30;
}
