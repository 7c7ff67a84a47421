package io.salesops.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every Java snippet in {@code docs/*.md} compiles against today's API, so the docs cannot drift from the code.
 *
 * <p>A snippet is a run of statements. The variables it uses but does not declare, and any static imports, are
 * named in an HTML comment right before its block, invisible on the rendered page:
 * {@code <!-- snippet-context: import static io.salesops.comp.plan.Crediting.when; Org org; Period march2026; -->}.
 * Each snippet is compiled as the body of a method whose parameters are those variables, with every salesops API
 * package imported. A snippet that needs no such variable is one a reader can paste and run, so it is also run,
 * from the repository's root as the docs say (its relative {@code Path.of("...")} literals are resolved there, as
 * the test runs in the module's directory); when the doc shows what it prints (a block after a line
 * {@code prints}), the output must be exactly that. Complete programs (the README's quick start) are compiled and
 * run by their own tests.
 */
class DocSnippetsTest {

    private static final Pattern BLOCK = Pattern.compile(
            "(?:<!--\\s*snippet-context:(?<context>.*?)-->\\s*\\R)?```java\\R(?<code>.*?)```"
                    + "(?:\\Rprints\\R\\R```\\R(?<prints>.*?)```)?", Pattern.DOTALL);

    private static final String IMPORTS = String.join("\n",
            "import io.salesops.core.money.*;", "import io.salesops.core.period.*;", "import io.salesops.core.org.*;",
            "import io.salesops.core.crm.*;", "import io.salesops.core.problem.*;", "import io.salesops.io.*;",
            "import io.salesops.forecast.pipeline.*;", "import io.salesops.forecast.kpi.*;",
            "import io.salesops.forecast.backtest.*;", "import io.salesops.forecast.regression.*;",
            "import io.salesops.forecast.timeseries.*;", "import io.salesops.comp.*;", "import io.salesops.comp.plan.*;",
            "import io.salesops.comp.input.*;", "import io.salesops.comp.engine.*;", "import io.salesops.comp.statement.*;",
            "import io.salesops.comp.file.*;", "import java.util.*;", "import java.math.*;", "import java.nio.file.Path;",
            "import java.time.LocalDate;", "import java.time.Month;", "");

    record Snippet(String doc, int index, String context, String code, String prints) {
    }

    static List<Snippet> snippets() throws IOException {
        List<Snippet> out = new ArrayList<>();
        try (Stream<Path> docs = Files.list(ReadmeQuickStartTest.ROOT.resolve("docs"))) {
            for (Path doc : docs.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                Matcher m = BLOCK.matcher(Files.readString(doc));
                int i = 0;
                while (m.find()) {
                    i++;
                    out.add(new Snippet(doc.getFileName().toString(), i,
                            m.group("context") == null ? "" : m.group("context"), m.group("code"), m.group("prints")));
                }
            }
        }
        return out;
    }

    @TestFactory
    Stream<DynamicTest> everyDocSnippetCompiles_andTheSelfContainedOnesRun(@TempDir Path out) throws IOException {
        List<Snippet> all = snippets();
        assertThat(all).as("the docs have Java snippets").isNotEmpty();
        return all.stream().map(s -> DynamicTest.dynamicTest(s.doc() + " snippet " + s.index(), () -> compile(s, out)));
    }

    private static void compile(Snippet s, Path out) throws Exception {
        StringBuilder imports = new StringBuilder(IMPORTS);
        List<String> params = new ArrayList<>();
        for (String part : s.context().split(";")) {
            String p = part.strip();
            if (p.startsWith("import ")) {
                imports.append(p).append(";\n");
            } else if (!p.isEmpty()) {
                params.add(p);
            }
        }
        String name = "Snippet";
        String source = imports + "\nclass " + name + " {\n    void run(" + String.join(", ", params)
                + ") throws Exception {\n" + s.code() + "\n    }\n}\n";
        String errors = javac(name, source, out);
        assertThat(errors).as("%s snippet %d does not compile:%n%s%nas%n%s", s.doc(), s.index(), errors, source).isNull();
        if (params.isEmpty()) {
            String printed = run(out, imports.toString(), s);
            if (s.prints() != null) {
                assertThat(printed.strip()).as("what %s snippet %d prints, as the doc shows it", s.doc(), s.index())
                        .isEqualTo(s.prints().strip());
            }
        }
    }

    /** Runs a self-contained snippet with the repository's root for its relative paths; returns what it printed. */
    private static String run(Path classes, String imports, Snippet s) throws Exception {
        String code = s.code().replace("Path.of(\"", "Path.of(\"" + ReadmeQuickStartTest.ROOT.toString().replace('\\', '/') + "/");
        String name = "SnippetRun";
        String source = imports + "\npublic class " + name + " {\n    public static void run() throws Exception {\n" + code
                + "\n    }\n}\n";
        String errors = javac(name, source, classes);
        assertThat(errors).as("%s snippet %d does not compile to run:%n%s", s.doc(), s.index(), errors).isNull();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream original = System.out;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, DocSnippetsTest.class.getClassLoader())) {
            System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            loader.loadClass(name).getMethod("run").invoke(null);
        } finally {
            System.setOut(original);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Compiles one class against the test class path into {@code out}; returns javac's errors, or null if it compiled. */
    private static String javac(String name, String source, Path out) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter errors = new StringWriter();
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///" + name + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        boolean ok = javac.getTask(errors, null, null,
                List.of("-classpath", classPath, "-d", out.toString(), "-proc:none", "-Xlint:none"), null, List.of(file)).call();
        return ok ? null : errors.toString();
    }
}
