package org.newsmentions;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package structure of the pipeline's main classes: no cycles between the packages under {@code
 * org.newsmentions}, and no package depending on the root package.
 *
 * <p>The root package ({@link NewsMentions}, {@link NewsMentionsPipeline}, {@link RunSettings}) is
 * the composition root: it wires every stage together and so depends on all of them by design. It
 * is left out of the cycle check (the slices are its subpackages) and checked the other way
 * instead: no stage may depend on it, which keeps it out of every cycle too. (The harnesses that
 * drive the whole job, bench, eval and reference, live in the testing module, not here.)
 *
 * <p>Only this module's main classes are analysed (the directory {@code NewsMentions.class} was
 * loaded from, without test classes), so the Avro schema classes of the other module and the tests
 * do not count.
 */
class PackageCyclesTest {
  private static final String ROOT = "org.newsmentions";

  private static JavaClasses mainClasses;

  @BeforeAll
  static void importMainClasses() throws URISyntaxException {
    Path classes =
        Path.of(NewsMentions.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    mainClasses =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPath(classes);
    // Guards against a vacuous pass: the import must have found the stages and the root.
    assertTrue(mainClasses.contain(NewsMentions.class), "imported " + classes);
    assertTrue(
        mainClasses.contain(org.newsmentions.dedup.DeduplicateAcrossOutlets.class),
        "imported " + classes);
    assertTrue(mainClasses.size() > 100, mainClasses.size() + " classes imported from " + classes);
  }

  @Test
  void packagesUnderTheRootAreFreeOfCycles() {
    slices()
        .matching(ROOT + ".(*)..")
        .namingSlices("$1")
        .should()
        .beFreeOfCycles()
        .because("each stage depends only on the stages and shared types below it")
        .check(mainClasses);
  }

  @Test
  void noStageDependsOnTheCompositionRoot() {
    noClasses()
        .that()
        .resideInAPackage(ROOT + ".*..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(ROOT)
        .because(
            "the root package wires the stages together; a stage that needed it would be a"
                + " cycle through it")
        .check(mainClasses);
  }
}
