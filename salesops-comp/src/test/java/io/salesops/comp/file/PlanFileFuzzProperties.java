package io.salesops.comp.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.salesops.comp.plan.CompPlan;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random and mutated plan files: every outcome is a plan or a {@link PlanFileException} with located problems;
 * nothing else escapes and nothing takes long (the reader bounds its own work).
 */
class PlanFileFuzzProperties {

    record Input(byte[] bytes, PlanFormat format, String how) {
        @Override
        public String toString() {
            return how + " (" + format + ", " + bytes.length + " bytes)";
        }
    }

    @Property(tries = 300)
    void anyInput_givesAPlanOrLocatedProblems(@ForAll("inputs") Input input) {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            try {
                CompPlan plan = PlanFiles.read(input.bytes(), "fuzz", input.format());
                assertThat(plan.validate()).isEmpty();
            } catch (PlanFileException e) {
                assertThat(e.fileProblems()).isNotEmpty().allSatisfy(p -> {
                    assertThat(p.file()).isEqualTo("fuzz");
                    assertThat(p.message()).isNotBlank().doesNotContain("Exception").doesNotContain("\tat ");
                });
            }
        });
    }

    @Provide
    Arbitrary<Input> inputs() {
        Arbitrary<byte[]> seeds = Arbitraries.of(PlanFiles.EXAMPLES).flatMap(name -> Arbitraries.of(PlanFormat.values())
                .map(f -> seed(name, f)));
        Arbitrary<PlanFormat> formats = Arbitraries.of(PlanFormat.values());
        return Arbitraries.oneOf(
                Combinators.combine(seeds, formats, Arbitraries.integers().between(0, 4000), Arbitraries.integers().between(0, 255))
                        .as((b, f, at, v) -> flip(b, f, at, v)),
                Combinators.combine(seeds, formats, Arbitraries.integers().between(0, 4000))
                        .as((b, f, at) -> new Input(java.util.Arrays.copyOf(b, Math.min(at, b.length)), f, "truncated at " + at)),
                Combinators.combine(seeds, formats, Arbitraries.integers().between(0, 4000), snippets())
                        .as((b, f, at, s) -> insert(b, f, at, s)),
                Combinators.combine(formats, Arbitraries.bytes().array(byte[].class).ofMaxSize(300))
                        .as((f, b) -> new Input(b, f, "random bytes")),
                Combinators.combine(formats, Arbitraries.integers().between(1, 100_000))
                        .as((f, n) -> new Input(("name: x\nc: " + "[".repeat(n)).getBytes(StandardCharsets.UTF_8), f, "nesting " + n)),
                Combinators.combine(formats, Arbitraries.integers().between(1, 100_000))
                        .as((f, n) -> new Input(("{\"a\":" + "{\"b\":".repeat(n) + "1" + "}".repeat(n + 1)).getBytes(StandardCharsets.UTF_8), f, "objects " + n)));
    }

    private static Arbitrary<String> snippets() {
        return Arbitraries.oneOf(
                Arbitraries.of("1e999999999", "-1e-999999999", "9".repeat(500), "0x7fffffff", ".nan", "-.inf", "1_000",
                        "!!java.lang.Runtime x", "*alias", "&a [1]", "{", "}", "[", "]", ":", "- ", "\"", "'", "\t", "\u0000",
                        "null", "~", "yes", "2026-02-30", "USD 1e400", "EUR 1,000,000,000,000,000,000.00", "{type: bonus}",
                        "\nextra: 1\n", "\n  - name: Z\n    pay: {type: spiff, perDeal: 1}\n", "\n---\n", "\uFEFF", "\r\n"),
                Arbitraries.strings().ofMaxLength(20),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12).map(k -> "\n" + k + ": 1\n"));
    }

    private static byte[] seed(String name, PlanFormat f) {
        String yaml = PlanFiles.example(name);
        if (f == PlanFormat.YAML) {
            return yaml.getBytes(StandardCharsets.UTF_8);
        }
        return PlanFiles.write(PlanFiles.read(yaml, name, PlanFormat.YAML), PlanFormat.JSON).getBytes(StandardCharsets.UTF_8);
    }

    private static Input flip(byte[] b, PlanFormat f, int at, int v) {
        byte[] c = b.clone();
        if (c.length > 0) {
            c[at % c.length] = (byte) v;
        }
        return new Input(c, f, "byte " + (c.length == 0 ? 0 : at % c.length) + " set to " + v);
    }

    private static Input insert(byte[] b, PlanFormat f, int at, String s) {
        int p = Math.min(at, b.length);
        byte[] ins = s.getBytes(StandardCharsets.UTF_8);
        byte[] c = new byte[b.length + ins.length];
        System.arraycopy(b, 0, c, 0, p);
        System.arraycopy(ins, 0, c, p, ins.length);
        System.arraycopy(b, p, c, p + ins.length, b.length - p);
        return new Input(c, f, "inserted " + List.of(s) + " at " + p);
    }
}
