package io.salesops.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering of the modules, held by ArchUnit on the compiled main classes of every module (this module depends
 * on all of them): data flows from core through io to forecast or comp, never back, and no module reaches into
 * another's {@code internal} package.
 */
class LayeringTest {

    /** Each module's package roots; the longest matching root decides a class's module. */
    private static final Map<String, String> MODULE_BY_PACKAGE_ROOT = Map.of(
            "io.salesops.core", "salesops-core",
            "io.salesops.io", "salesops-io",
            "io.salesops.forecast", "salesops-forecast",
            "io.salesops.comp", "salesops-comp",
            "io.salesops.planning", "salesops-planning",
            "io.salesops.testkit", "salesops-testkit",
            "io.salesops.cli", "salesops-examples",
            "io.salesops.server", "salesops-examples",
            "io.salesops.examples", "salesops-examples");

    private static final String[] APPLICATION = {"io.salesops.cli..", "io.salesops.server..", "io.salesops.examples.."};

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.salesops");
    }

    @Test
    void everyModuleIsSeen() {
        assertThat(main.stream().map(LayeringTest::module).flatMap(Optional::stream).distinct())
                .contains("salesops-core", "salesops-io", "salesops-forecast", "salesops-comp", "salesops-examples");
    }

    @Test
    void everyClass_belongsToAKnownModule() {
        // A new top-level package must be added to MODULE_BY_PACKAGE_ROOT, or the rules below would not see it.
        assertThat(main.stream().filter(c -> module(c).isEmpty()).map(JavaClass::getName)).isEmpty();
    }

    @Test
    void core_dependsOnNothingButTheJdk() {
        classes().that().resideInAPackage("io.salesops.core..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("io.salesops.core..", "java..")
                .check(main);
    }

    @Test
    void io_dependsOnlyOnCore() {
        classes().that().resideInAPackage("io.salesops.io..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("io.salesops.io..", "io.salesops.core..", "java..", "de.siegmar.fastcsv..")
                .check(main);
    }

    @Test
    void forecast_dependsOnlyOnCore() {
        classes().that().resideInAPackage("io.salesops.forecast..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("io.salesops.forecast..", "io.salesops.core..", "java..",
                        "org.apache.commons.math3..", "org.ejml..")
                .check(main);
    }

    @Test
    void comp_neverDependsOnForecast() {
        noClasses().that().resideInAPackage("io.salesops.comp..")
                .should().dependOnClassesThat().resideInAPackage("io.salesops.forecast..")
                .check(main);
    }

    @Test
    void libraries_neverDependOnTheApplication() {
        noClasses().that().resideInAnyPackage("io.salesops.core..", "io.salesops.io..", "io.salesops.forecast..",
                        "io.salesops.comp..", "io.salesops.planning..", "io.salesops.testkit..")
                .should().dependOnClassesThat().resideInAnyPackage(APPLICATION)
                .check(main);
    }

    @Test
    void internalPackages_areUsedOnlyInsideTheirModule() {
        classes().should(onlyUseInternalsOfTheirOwnModule()).check(main);
    }

    private static ArchCondition<JavaClass> onlyUseInternalsOfTheirOwnModule() {
        return new ArchCondition<>("use no other module's internal package") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                Optional<String> from = module(origin);
                for (Dependency d : origin.getDirectDependenciesFromSelf()) {
                    JavaClass target = d.getTargetClass();
                    boolean internal = List.of(target.getPackageName().split("\\.")).contains("internal");
                    if (internal && !module(target).equals(from)) {
                        events.add(SimpleConditionEvent.violated(d, d.getDescription()
                                + " reaches into " + module(target).orElse("?") + "'s internal package"));
                    }
                }
            }
        };
    }

    private static Optional<String> module(JavaClass c) {
        String pkg = c.getPackageName();
        return MODULE_BY_PACKAGE_ROOT.entrySet().stream()
                .filter(e -> pkg.equals(e.getKey()) || pkg.startsWith(e.getKey() + "."))
                .max((a, b) -> Integer.compare(a.getKey().length(), b.getKey().length()))
                .map(Map.Entry::getValue);
    }
}
