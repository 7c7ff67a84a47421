package io.salesops.cli;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.salesops.io.ColumnMapping;
import io.salesops.io.DetectedMapping;
import io.salesops.io.OpportunityCsvReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * How to read an opportunity export the user gave no {@code --columns} for: the file's header and first
 * {@value DetectedMapping#SAMPLE_ROWS} rows go to {@link ColumnMapping#detect}, and what it assumed is said in one
 * note, so nothing is guessed silently.
 */
final class ExportShape {

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
            note.accept("read " + file.getFileName() + " as " + shape.describe("--columns")
                    + "; give --columns to read it otherwise");
        });
    }

    /**
     * @return how to read {@code file}, or empty when it reads as it is or cannot be sampled (the reader then
     *         reports the file's problems itself)
     * @throws UserInputException when the dates read equally as month-first and day-first
     */
    private static Optional<DetectedMapping> detect(Path file, Charset charset, boolean dates) {
        List<String> header;
        List<List<String>> rows = new ArrayList<>();
        try (Reader in = reader(file, charset); CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(in)) {
            Iterator<CsvRecord> it = csv.iterator();
            if (!it.hasNext()) {
                return Optional.empty();
            }
            header = it.next().getFields();
            while (dates && it.hasNext() && rows.size() < DetectedMapping.SAMPLE_ROWS) {
                rows.add(it.next().getFields());
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // unreadable here means unreadable there: the reader names line and column
        }
        try {
            return dates ? ColumnMapping.detect(header, rows) : ColumnMapping.detectColumns(header);
        } catch (DetectedMapping.AmbiguousDatesException e) {
            throw new UserInputException(file + ": " + e.getMessage()
                    + "; give --columns date-format=M/d/yyyy or --columns date-format=d/M/yyyy");
        }
    }

    private static Reader reader(Path file, Charset charset) throws IOException {
        // Only for sampling: a bad byte is the reader's to report with its line, column and offset.
        return new java.io.InputStreamReader(Files.newInputStream(file), charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE));
    }
}
