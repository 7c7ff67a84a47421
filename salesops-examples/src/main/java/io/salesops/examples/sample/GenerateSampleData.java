package io.salesops.examples.sample;

import java.nio.file.Path;

/**
 * Regenerates the bundled sample CSV files: {@code java ... GenerateSampleData [DIR]}, by default into
 * {@code salesops-examples/src/main/resources/sample} (run from the repository root). A test checks that the
 * bundled files equal a fresh generation, so run this after changing the generator and commit the files.
 */
public final class GenerateSampleData {
    private GenerateSampleData() {
    }

    /**
     * Writes {@link SampleCompany#get()} as CSV.
     *
     * @param args optionally the target directory
     */
    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : "salesops-examples/src/main/resources/sample");
        SampleCompany company = SampleCompany.get();
        company.writeCsv(dir);
        System.out.println("wrote " + SampleCompany.FILES + " to " + dir.toAbsolutePath().normalize() + ": " + company);
    }
}
