package io.salesops.benchmarks;

import io.salesops.core.crm.Opportunity;
import io.salesops.core.crm.OpportunityTable;
import io.salesops.io.ImportResult;
import io.salesops.io.OpportunityCsvReader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The heap that 1,000,000 imported opportunities hold once loaded, as an {@link OpportunityTable} and as a list of
 * {@link Opportunity} objects: the file of {@link CsvImportBenchmark}, read once each way, then the used heap
 * after full collections, minus the heap before the read. Run it as
 * {@code java -cp salesops-benchmarks/target/benchmarks.jar io.salesops.benchmarks.HeapAfterLoad [rows]}.
 */
public final class HeapAfterLoad {

    private HeapAfterLoad() {
    }

    /**
     * Prints the heap held by each form.
     *
     * @param args optionally the number of rows (default 1,000,000)
     * @throws IOException if the temporary file cannot be written or read
     */
    public static void main(String[] args) throws IOException {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : CsvImportBenchmark.ROWS;
        Path file = Files.createTempFile("salesops-heap-", ".csv");
        try {
            CsvImportBenchmark.write(file, rows, 42);
            OpportunityCsvReader reader = OpportunityCsvReader.builder().build();
            long base = usedAfterGc();
            OpportunityTable table = reader.readTable(file).orThrow();
            long tableBytes = usedAfterGc() - base;
            System.out.printf(Locale.ROOT, "OpportunityTable: %d rows hold %.1f MB of heap after load%n", table.size(), tableBytes / 1e6);
            table = null;
            base = usedAfterGc();
            ImportResult<Opportunity> objects = reader.read(file);
            long objectBytes = usedAfterGc() - base;
            System.out.printf(Locale.ROOT, "List<Opportunity>: %d rows hold %.1f MB of heap after load%n",
                    objects.records().size(), objectBytes / 1e6);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
