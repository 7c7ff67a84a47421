package io.salesops.comp.file;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.salesops.comp.plan.CompPlan;
import io.salesops.comp.plan.PlanProblem;
import io.salesops.comp.plan.PlanValidator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Reads and writes commission plans as files, so that sales ops edit plans, not code.
 *
 * <pre>{@code
 * CompPlan plan = PlanFiles.read(Path.of("plans/ae-marginal.yaml"));   // every problem at once, located
 * String yaml = PlanFiles.write(plan, PlanFormat.YAML);                  // reads back to an equal plan
 * }</pre>
 *
 * <p>One format, in YAML or JSON, described by the JSON Schema {@link #SCHEMA_RESOURCE} (also
 * {@code docs/plan-schema.json}); the bundled example plans in {@link #EXAMPLES_RESOURCE} show every mechanism.
 * Reading checks the syntax, every key and value, and then the plan itself ({@link PlanValidator}), and
 * reports all problems together, each as {@code file:line:column path: message}.
 *
 * <p>Hostile input is refused with a problem, never a hang: files over 1 MiB (1,048,576 bytes),
 * bytes that are not UTF-8, nesting deeper than 32 levels, numbers with more than
 * 15 integer digits or 12 decimals (so
 * {@code 1e999999999} is an error), YAML aliases, duplicate and unknown keys. YAML tags never instantiate
 * classes: the value is read as plain text.
 *
 * <p>Stateless and thread-safe.
 */
public final class PlanFiles {

    /** The class-path resource holding the JSON Schema (draft 2020-12) of plan files. */
    public static final String SCHEMA_RESOURCE = "/io/salesops/comp/file/plan-schema.json";

    /** The class-path folder holding the bundled example plans. */
    public static final String EXAMPLES_RESOURCE = "/io/salesops/comp/plans/";

    /** The file names of the bundled example plans, in {@link #EXAMPLES_RESOURCE}. */
    public static final List<String> EXAMPLES = List.of("ae-marginal.yaml", "sdr-meetings.yaml", "manager-override.yaml",
            "new-hire-draw.yaml", "renewal-clawback.yaml", "emea-eur.yaml");

    private static final ObjectMapper JSON_OUT = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper YAML_OUT = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .build());

    private PlanFiles() {
    }

    /**
     * Reads a plan file, YAML or JSON by its extension.
     *
     * @param file the file, not null
     * @return the valid plan
     * @throws PlanFileException listing every problem, located, if the file is not a valid plan
     * @throws IOException       if the file cannot be read
     */
    public static CompPlan read(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        return read(load(file), file.toString(), PlanFormat.of(file));
    }

    /**
     * Reads the effective-dated versions of one plan, one file each, and checks that no two share a day: an
     * overlap would leave it to chance which version pays, so it is a problem located at the later version's
     * {@code effectiveFrom}, never resolved by cutting one version short.
     *
     * @param files the files, not null, at least one
     * @return the valid plans, in the order given
     * @throws PlanFileException listing every problem of every file, located, and every overlap
     * @throws IOException       if a file cannot be read
     */
    public static List<CompPlan> readVersions(List<Path> files) throws IOException {
        List<PlanFileProblem> problems = new ArrayList<>();
        List<PlanVersions.Version> versions = new ArrayList<>();
        for (Path f : files) {
            List<PlanFileProblem> own = new ArrayList<>();
            byte[] bytes;
            try {
                bytes = load(f);
            } catch (PlanFileException e) {
                problems.addAll(e.fileProblems());
                continue;
            }
            Checked c = check(bytes, f.toString(), PlanFormat.of(f), own);
            problems.addAll(own);
            if (own.isEmpty()) {
                versions.add(new PlanVersions.Version(f.toString(), c.plan(), c.binder().locate("effectiveFrom"),
                        c.binder().locate("effectiveTo")));
            }
        }
        problems.addAll(PlanVersions.overlaps(versions));
        if (!problems.isEmpty()) {
            throw new PlanFileException(problems);
        }
        List<CompPlan> out = new ArrayList<>();
        versions.forEach(v -> out.add(v.plan()));
        return List.copyOf(out);
    }

    private static byte[] load(Path file) throws IOException {
        long size = Files.size(file);
        if (size > TreeReader.MAX_BYTES) {
            throw new PlanFileException(List.of(new PlanFileProblem(file.toString(), 0, 0, "", "file is " + size
                    + " bytes, more than the limit of " + TreeReader.MAX_BYTES + " bytes (1 MiB)")));
        }
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(TreeReader.MAX_BYTES + 1);
        }
    }

    /**
     * Reads a plan from bytes (UTF-8).
     *
     * @param bytes  the file content, not null
     * @param name   the file name to show in problems, not null
     * @param format YAML or JSON, not null
     * @return the valid plan
     * @throws PlanFileException listing every problem, located, if the content is not a valid plan
     */
    public static CompPlan read(byte[] bytes, String name, PlanFormat format) {
        List<PlanFileProblem> problems = new ArrayList<>();
        CompPlan plan = check(bytes, name, format, problems).plan();
        if (!problems.isEmpty()) {
            throw new PlanFileException(problems);
        }
        return plan;
    }

    /**
     * Reads a plan from text.
     *
     * @param text   the plan, YAML or JSON as {@code format} says; at most 1 MiB as UTF-8
     * @param name   the file name to show in problems, e.g. {@code "plans/ae.yaml"}
     * @param format YAML or JSON
     * @return the valid plan
     * @throws PlanFileException listing every problem, located, if the text is not a valid plan
     * @throws NullPointerException if {@code text} is null
     * @see #read(byte[], String, PlanFormat)
     */
    public static CompPlan read(String text, String name, PlanFormat format) {
        return read(text.getBytes(StandardCharsets.UTF_8), name, format);
    }

    /**
     * Every problem of a plan file, without throwing; empty if the file is a valid plan.
     *
     * @param file the file, not null
     * @return the problems, in line order
     */
    public static List<PlanFileProblem> problems(Path file) {
        try {
            read(file);
            return List.of();
        } catch (PlanFileException e) {
            return e.fileProblems();
        } catch (java.nio.file.NoSuchFileException e) {
            return List.of(new PlanFileProblem(file.toString(), 0, 0, "", "file not found"));
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            return List.of(new PlanFileProblem(file.toString(), 0, 0, "", "cannot read the file: " + e.getMessage()));
        }
    }

    /** Maps {@code prefix[k]} at the start of a validator path to the file index of the k-th element kept. */
    private static String renumber(String path, String prefix, List<Integer> kept) {
        if (!path.startsWith(prefix)) {
            return path;
        }
        int close = path.indexOf(']', prefix.length());
        int k = Integer.parseInt(path.substring(prefix.length(), close));
        return prefix + (k < kept.size() ? kept.get(k) : k) + path.substring(close);
    }

    /** Binds without the plan validator, for tests that round-trip plans the validator would refuse. */
    static CompPlan bindOnly(byte[] bytes, String name, PlanFormat format, List<PlanFileProblem> problems) {
        Node root = new TreeReader(name, problems).read(bytes, format);
        return root == null ? null : new PlanBinder(name, problems).bind(root);
    }

    /** A plan read (null if it could not be), and the binder that knows where its parts were read from. */
    private record Checked(CompPlan plan, PlanBinder binder) {
    }

    private static Checked check(byte[] bytes, String name, PlanFormat format, List<PlanFileProblem> problems) {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(format, "format");
        Node root = new TreeReader(name, problems).read(bytes, format);
        if (root == null) {
            return new Checked(null, null);
        }
        PlanBinder binder = new PlanBinder(name, problems);
        CompPlan plan = binder.bind(root);
        if (plan != null) {
            for (PlanProblem p : PlanValidator.validate(plan, null)) {
                ValueReader.Loc l = binder.locate(p.path());
                problems.add(l == null ? new PlanFileProblem(name, 0, 0, p.path(), p.message())
                        : new PlanFileProblem(name, l.line(), l.column(), l.path(), p.message()));
            }
        } else if (binder.partial != null) {
            List<PlanProblem> found;
            try {
                found = PlanValidator.validate(binder.partial, null);
            } catch (RuntimeException e) {
                found = List.of(); // a partial plan is best effort; the binding problems stand on their own
            }
            for (PlanProblem p : found) {
                String path = renumber(renumber(p.path(), "components[", binder.partialComponents), "totalCaps[", binder.partialCaps);
                // Problems that only arise because a broken part was left out are not the user's.
                if (!binder.allComponentsBound && (path.equals("components") || path.matches("components\\[\\d+]\\.gates\\[\\d+]\\.component"))) {
                    continue;
                }
                ValueReader.Loc l = binder.locate(path);
                problems.add(l == null ? new PlanFileProblem(name, 0, 0, path, p.message())
                        : new PlanFileProblem(name, l.line(), l.column(), l.path(), p.message()));
            }
        }
        problems.sort(Comparator.comparingInt(PlanFileProblem::line).thenComparingInt(PlanFileProblem::column));
        return new Checked(plan, binder);
    }

    /**
     * Writes a plan in the file format; reading the text back gives an equal plan.
     *
     * @param plan   the plan, not null (need not be valid)
     * @param format YAML or JSON, not null
     * @return the text, UTF-8 when saved
     */
    public static String write(CompPlan plan, PlanFormat format) {
        Objects.requireNonNull(plan, "plan");
        try {
            return (format == PlanFormat.JSON ? JSON_OUT : YAML_OUT).writeValueAsString(PlanWriter.tree(plan));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write plan " + plan.name(), e);
        }
    }

    /** @return the JSON Schema of plan files, from {@link #SCHEMA_RESOURCE} */
    public static String schema() {
        return resource(SCHEMA_RESOURCE);
    }

    /**
     * The text of a bundled example plan.
     *
     * @param fileName one of {@link #EXAMPLES}
     * @return the YAML text
     * @throws IllegalArgumentException if there is no such example
     */
    public static String example(String fileName) {
        if (!EXAMPLES.contains(fileName)) {
            throw new IllegalArgumentException("no bundled plan " + fileName + "; the bundled plans are " + EXAMPLES);
        }
        return resource(EXAMPLES_RESOURCE + fileName);
    }

    private static String resource(String path) {
        try (InputStream in = PlanFiles.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("resource " + path + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
