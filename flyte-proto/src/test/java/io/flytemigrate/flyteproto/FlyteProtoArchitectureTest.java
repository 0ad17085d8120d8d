package io.flytemigrate.flyteproto;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module's rules on its compiled classes: the verifier shares no code with the writers (not
 * the model, not {@code write}, not {@code pack}); the module depends on {@code ir} and the model
 * only among flyte-migrate's modules; and it does no IO and reads no clock.
 */
class FlyteProtoArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("io.flytemigrate.flyteproto");
    if (classes.size() < 40) {
      throw new IllegalStateException("imported only " + classes.size() + " classes; the test would prove nothing");
    }
  }

  @Test
  void theVerifierSharesNoCodeWithTheWriters() {
    noClasses().that().resideInAPackage("io.flytemigrate.flyteproto.verify..")
        .should().dependOnClassesThat().resideInAnyPackage("io.flytemigrate.flyte..", "io.flytemigrate.flyteproto.write..",
            "io.flytemigrate.flyteproto.pack..")
        .check(classes);
  }

  @Test
  void theWriterDoesNotDependOnTheVerifier() {
    noClasses().that().resideInAnyPackage("io.flytemigrate.flyteproto.write..", "io.flytemigrate.flyteproto.pack..")
        .should().dependOnClassesThat().resideInAPackage("io.flytemigrate.flyteproto.verify..")
        .check(classes);
  }

  @Test
  void onlyIrAndTheModelAmongTheProjectsModules() {
    noClasses().that().resideInAPackage("io.flytemigrate.flyteproto..")
        .should().dependOnClassesThat().resideInAnyPackage("io.flytemigrate.cli..", "io.flytemigrate.kfp..",
            "io.flytemigrate.airflow..", "io.flytemigrate.validators..", "io.flytemigrate.report..",
            "io.flytemigrate.flyte.lower..", "io.flytemigrate.flyte.python..")
        .check(classes);
  }

  @Test
  void noIoNoClockNoExit() {
    noClasses().that().resideInAPackage("io.flytemigrate.flyteproto..")
        .should().dependOnClassesThat().haveFullyQualifiedName("java.nio.file.Files")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.File")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileInputStream")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileOutputStream")
        .orShould().callMethod(System.class, "exit", int.class)
        .orShould().callMethod(System.class, "currentTimeMillis")
        .orShould().callMethod(System.class, "nanoTime")
        .orShould().callMethod(java.time.Instant.class, "now")
        .orShould().callMethod(System.class, "getenv", String.class)
        .check(classes);
  }
}
