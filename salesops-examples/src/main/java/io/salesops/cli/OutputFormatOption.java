package io.salesops.cli;

import picocli.CommandLine.Option;

/**
 * A picocli mixin adding {@code --format table|json|csv} (short {@code -f}, default {@code table}, any case)
 * to a command: {@code @Mixin OutputFormatOption format;}. Not thread-safe (a picocli option holder).
 */
public final class OutputFormatOption {

    @Option(names = {"--format", "-f"}, paramLabel = "FORMAT", defaultValue = "table",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    OutputFormat format = OutputFormat.TABLE;

    /** @return the chosen format, never null */
    public OutputFormat format() {
        return format;
    }
}
