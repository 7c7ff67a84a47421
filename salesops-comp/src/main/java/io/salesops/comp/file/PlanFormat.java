package io.salesops.comp.file;

import java.nio.file.Path;
import java.util.Locale;

/** The two spellings of a plan file: YAML (comments allowed) and JSON. Same keys, same rules. */
public enum PlanFormat {
    /** YAML 1.1, as read by SnakeYAML through Jackson; {@code #} comments allowed. */
    YAML,
    /** JSON (RFC 8259). */
    JSON;

    /**
     * The format a file name says: {@code .json} is JSON, {@code .yaml} and {@code .yml} are YAML.
     *
     * @param file the file, not null
     * @return the format
     * @throws IllegalArgumentException naming the file if its extension is neither
     */
    public static PlanFormat of(Path file) {
        String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        if (name.endsWith(".json")) {
            return JSON;
        }
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            return YAML;
        }
        throw new IllegalArgumentException("plan file " + file + " has neither a .yaml, .yml nor .json extension");
    }
}
