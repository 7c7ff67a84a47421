package io.salesops.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * The serial import's CPU time against FastCSV's on the {@link CsvImportBenchmark} file, on one thread and
 * interleaved run by run, so that the ratio holds on a machine other work loads: JMH's wall-clock scores of the two
 * move with the load between their iterations, the thread CPU time of alternating runs far less. Prints the best
 * and the median of the runs after warm-up. Not a JMH benchmark: the ratio is the figure, not the times.
 *
 * <p>Run it as {@code java -Xms3g -Xmx3g -XX:+UseParallelGC -cp salesops-benchmarks/target/benchmarks.jar
 * io.salesops.benchmarks.ImportCpuRatio [runs]} (the heap and collector of the benchmark's fork).
 */
public final class ImportCpuRatio {

    private ImportCpuRatio() {
    }

    /**
     * Writes the file, runs both readers alternately and prints their CPU times and the ratio.
     *
     * @param args the number of runs of each (default 21), a third of them warm-up
     * @throws Exception if the file cannot be written or read
     */
    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 21;
        CsvImportBenchmark b = new CsvImportBenchmark();
        b.parallel = false;
        b.setUp();
        try {
            ThreadMXBean mx = ManagementFactory.getThreadMXBean();
            long[] table = new long[runs];
            long[] fastCsv = new long[runs];
            for (int i = 0; i < runs; i++) {
                long t0 = mx.getCurrentThreadCpuTime();
                b.loadTable();
                long t1 = mx.getCurrentThreadCpuTime();
                b.rawFastCsv();
                table[i] = t1 - t0;
                fastCsv[i] = mx.getCurrentThreadCpuTime() - t1;
            }
            long[] t = Arrays.copyOfRange(table, runs / 3, runs);
            long[] f = Arrays.copyOfRange(fastCsv, runs / 3, runs);
            Arrays.sort(t);
            Arrays.sort(f);
            System.out.printf("serial loadTable: best %.1f ms, median %.1f ms of CPU%n", t[0] / 1e6, t[t.length / 2] / 1e6);
            System.out.printf("rawFastCsv:       best %.1f ms, median %.1f ms of CPU%n", f[0] / 1e6, f[f.length / 2] / 1e6);
            System.out.printf("ratio: best %.2f, median %.2f%n", (double) t[0] / f[0], (double) t[t.length / 2] / f[f.length / 2]);
        } finally {
            b.tearDown();
        }
    }
}
