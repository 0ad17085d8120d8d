package io.flytemigrate.samples;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module rules of ARCHITECTURE.md, checked on the compiled classes: readers, validators,
 * emitters and report depend on {@code ir} only; only {@code cli} touches files, the clock or the
 * exit code. The poms are the first line of defence; this test catches what they cannot.
 */
class ArchitectureTest {
  private static final String[] LEAVES = {
    "io.flytemigrate.kfp..", "io.flytemigrate.airflow..", "io.flytemigrate.validators..",
    "io.flytemigrate.flyte..", "io.flytemigrate.report.."
  };

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("io.flytemigrate");
    if (classes.size() < 50) {
      throw new IllegalStateException("imported only " + classes.size() + " classes; the test would prove nothing");
    }
  }

  @Test
  void irDependsOnTheJdkOnly() {
    noClasses().that().resideInAnyPackage("io.flytemigrate.ir..", "io.flytemigrate.std..")
        .should().dependOnClassesThat().resideOutsideOfPackages("java..", "io.flytemigrate.ir..", "io.flytemigrate.std..")
        .check(classes);
  }

  @Test
  void leavesDoNotDependOnEachOtherOrOnCli() {
    for (String leaf : LEAVES) {
      String[] others = java.util.Arrays.stream(LEAVES).filter(l -> !l.equals(leaf)).toArray(String[]::new);
      String[] forbidden = java.util.Arrays.copyOf(others, others.length + 1);
      forbidden[others.length] = "io.flytemigrate.cli..";
      noClasses().that().resideInAPackage(leaf)
          .should().dependOnClassesThat().resideInAnyPackage(forbidden)
          .allowEmptyShould(true)
          .check(classes);
    }
  }

  /** The package writer reads the emitter's model, and nothing else above ir. */
  @Test
  void flyteProtoSeesOnlyIrAndTheFlyteModel() {
    noClasses().that().resideInAPackage("io.flytemigrate.flyteproto..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "io.flytemigrate.kfp..", "io.flytemigrate.airflow..", "io.flytemigrate.validators..",
            "io.flytemigrate.report..", "io.flytemigrate.cli..", "io.flytemigrate.flyte.lower..",
            "io.flytemigrate.flyte.python..")
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void onlyTheEmittersSeeFlyteidl() {
    noClasses().that().resideOutsideOfPackage("io.flytemigrate.flyteproto..")
        .should().dependOnClassesThat().resideInAnyPackage("flyteidl..", "com.google.protobuf..")
        .check(classes);
  }

  @Test
  void onlyCliTouchesFilesTheClockOrTheExitCode() {
    noClasses().that().resideOutsideOfPackage("io.flytemigrate.cli..")
        .should().dependOnClassesThat().haveFullyQualifiedName("java.nio.file.Files")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.File")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileInputStream")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileOutputStream")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.RandomAccessFile")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("java.time.Clock")
        .orShould().callMethod(System.class, "exit", int.class)
        .orShould().callMethod(System.class, "currentTimeMillis")
        .orShould().callMethod(System.class, "nanoTime")
        .orShould().callMethod(java.time.Instant.class, "now")
        .orShould().callMethod(java.time.LocalDateTime.class, "now")
        .orShould().callMethod(System.class, "getenv", String.class)
        .check(classes);
  }
}
