package io.flytemigrate.validators;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flytemigrate.ir.Component;
import io.flytemigrate.ir.IrType;
import io.flytemigrate.ir.Pipeline;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ArtifactKindsMatchTest {
  private final Check check = new ArtifactKindsMatch();

  /** Task {@code train} makes a {@code %1$s} artifact, task {@code evaluate} takes a {@code %2$s}. */
  private static String wire(String made, String taken) {
    return """
        components:
          comp-train:
            executorLabel: exec-train
            outputDefinitions:
              artifacts:
                model:
                  artifactType:
                    schemaTitle: %s
                    schemaVersion: 0.0.1
          comp-evaluate:
            executorLabel: exec-evaluate
            inputDefinitions:
              artifacts:
                data:
                  artifactType:
                    schemaTitle: %s
                    schemaVersion: 0.0.1
        root:
          dag:
            tasks:
              train:
                componentRef:
                  name: comp-train
              evaluate:
                componentRef:
                  name: comp-evaluate
                dependentTasks: [train]
                inputs:
                  artifacts:
                    data:
                      taskOutputArtifact:
                        outputArtifactKey: model
                        producerTask: train
        """.formatted(made, taken);
  }

  @Test
  void theSameKindOrAGenericArtifactOnEitherSideIsFine() {
    assertEquals("", Kfp.findings(check, wire("system.Model", "system.Model")));
    assertEquals("", Kfp.findings(check, wire("system.Model", "system.Artifact")));
    assertEquals("", Kfp.findings(check, wire("system.Artifact", "system.Dataset")));
  }

  @Test
  void aModelIntoADatasetInputIsAnError() {
    assertEquals("30:13 error input `data` of task `evaluate` expects `system.Dataset`, but output `model` of task `train`"
        + " gives `system.Model`\n", Kfp.findings(check, wire("system.Model", "system.Dataset")));
  }

  @Test
  void listsAreComparedElementByElementAndOtherMismatchesAreNotThisCheck() {
    Component make = Ir.container("comp-make", List.of(),
        List.of(Ir.port("models", Ir.list(Ir.artifact(IrType.ArtifactKind.MODEL)), 2), Ir.port("n", Ir.INT, 3)), 1);
    Component use = Ir.container("comp-use",
        List.of(Ir.port("data", Ir.list(Ir.artifact(IrType.ArtifactKind.DATASET)), 5), Ir.port("m", Ir.artifact(IrType.ArtifactKind.METRICS), 6)),
        List.of(), 4);
    Pipeline p = Ir.pipeline(List.of(make, use), Ir.graph(
        Ir.task("make", "comp-make", 10),
        Ir.task("use", "comp-use", 11, Ir.bind("data", Ir.output("make", "models"), 12), Ir.bind("m", Ir.output("make", "n"), 13))));
    assertEquals("12:1 error input `data` of task `use` expects `list[system.Dataset]`, but output `models` of task `make`"
        + " gives `list[system.Model]`\n", Kfp.findings(check, p));
  }

  @Test
  void aDirectoryIsNoFileEvenOfTheSameKind() {
    IrType dir = new IrType.Artifact("system.Dataset", Optional.empty(), IrType.ArtifactKind.DATASET, IrType.Shape.DIRECTORY);
    IrType file = new IrType.Artifact("system.Dataset", Optional.empty(), IrType.ArtifactKind.DATASET, IrType.Shape.FILE);
    Component make = Ir.container("comp-make", List.of(), List.of(Ir.port("out", dir, 2)), 1);
    Component use = Ir.container("comp-use", List.of(Ir.port("in", file, 4)), List.of(), 3);
    Pipeline p = Ir.pipeline(List.of(make, use), Ir.graph(
        Ir.task("make", "comp-make", 10), Ir.task("use", "comp-use", 11, Ir.bind("in", Ir.output("make", "out"), 12))));
    List<io.flytemigrate.ir.diag.Diagnostic> found = Kfp.run(check, p);
    assertEquals("12:1 error input `in` of task `use` expects `system.Dataset (file)`, but output `out` of task `make` gives"
        + " `system.Dataset (directory)`\n", Kfp.lines(found));
    assertEquals(Optional.of("a file cannot stand in for a directory or a directory for a file; pass what the input reads"),
        found.get(0).help());
  }
}
