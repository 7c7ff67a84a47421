package io.salesops.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
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
 * package imported. Complete programs (the README's quick start) are compiled and run by their own tests.
 */
class DocSnippetsTest {

    private static final Pattern BLOCK = Pattern.compile(
            "(?:<!--\\s*snippet-context:(?<context>.*?)-->\\s*\\R)?```java\\R(?<code>.*?)```", Pattern.DOTALL);

    private static final String IMPORTS = String.join("\n",
            "import io.salesops.core.money.*;", "import io.salesops.core.period.*;", "import io.salesops.core.org.*;",
            "import io.salesops.core.crm.*;", "import io.salesops.core.problem.*;", "import io.salesops.io.*;",
            "import io.salesops.forecast.pipeline.*;", "import io.salesops.forecast.kpi.*;",
            "import io.salesops.forecast.backtest.*;", "import io.salesops.forecast.regression.*;",
            "import io.salesops.forecast.timeseries.*;", "import io.salesops.comp.*;", "import io.salesops.comp.plan.*;",
            "import io.salesops.comp.input.*;", "import io.salesops.comp.engine.*;", "import io.salesops.comp.statement.*;",
            "import io.salesops.comp.file.*;", "import java.util.*;", "import java.math.*;", "import java.nio.file.Path;",
            "import java.time.LocalDate;", "import java.time.Month;", "");

    record Snippet(String doc, int index, String context, String code) {
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
                            m.group("context") == null ? "" : m.group("context"), m.group("code")));
                }
            }
        }
        return out;
    }

    @TestFactory
    Stream<DynamicTest> everyDocSnippetCompiles(@TempDir Path out) throws IOException {
        List<Snippet> all = snippets();
        assertThat(all).as("the docs have Java snippets").isNotEmpty();
        return all.stream().map(s -> DynamicTest.dynamicTest(s.doc() + " snippet " + s.index(), () -> compile(s, out)));
    }

    private static void compile(Snippet s, Path out) {
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
        assertThat(ok).as("%s snippet %d does not compile:%n%s%nas%n%s", s.doc(), s.index(), errors, source).isTrue();
    }
}
