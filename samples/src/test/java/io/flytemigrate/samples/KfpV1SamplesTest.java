package io.flytemigrate.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flytemigrate.ir.Binding;
import io.flytemigrate.ir.Graph;
import io.flytemigrate.ir.Node;
import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.diag.Diagnostic;
import io.flytemigrate.ir.diag.DiagnosticRenderer;
import io.flytemigrate.ir.diag.Outcome;
import io.flytemigrate.ir.diag.SourceFile;
import io.flytemigrate.ir.print.IrPrinter;
import io.flytemigrate.ir.spi.PipelineReader;
import io.flytemigrate.kfp.ArgoWorkflowReader;
import io.flytemigrate.kfp.KfpV1ComponentReader;
import io.flytemigrate.kfp.KfpV2Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.approvaltests.Approvals;
import org.approvaltests.core.Options;
import org.approvaltests.reporters.AutoApproveReporter;
import org.approvaltests.reporters.QuietReporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden and corpus tests of the KFP v1 readers ({@code component.yaml} and Argo workflows). The
 * cases under {@code samples/cases/kfp-v1} are read by whichever of the two readers accepts them
 * and compared with {@code approved/v1-ir.approved.txt} and {@code v1-diagnostics.approved.txt}
 * (approve with {@code -Dapprove=true}). The corpus tests read every file of the KFP v1 folders of
 * the shared corpus and the KFP v2 backend's Argo form: never an exception, the component files
 * and the workflows mostly without errors, the Argo form always reported.
 */
class KfpV1SamplesTest {
  private static final List<PipelineReader> READERS = List.of(new KfpV1ComponentReader(), new ArgoWorkflowReader());

  static Stream<SampleCase> cases() {
    return SampleCase.discover().stream().filter(c -> c.name().startsWith("kfp-v1/"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void readsAsApproved(SampleCase c) {
    SourceFile source = new SourceFile(c.displayPath(), c.text());
    Optional<PipelineReader> reader = pick(source);
    String ir;
    String diagnostics;
    if (reader.isEmpty()) {
      ir = "(no kfp v1 reader accepts the file)\n";
      diagnostics = "";
    } else {
      Outcome<Pipeline> outcome = reader.get().read(source);
      ir = "reader: " + reader.get().format() + "\n" + outcome.value().map(IrPrinter::print).orElse("(no pipeline)\n");
      diagnostics = DiagnosticRenderer.shortForm(outcome.diagnostics());
    }
    approve(c, "v1-ir", ir);
    approve(c, "v1-diagnostics", diagnostics);
  }

  @Test
  void thereIsACaseForEveryConstruct() {
    List<String> names = cases().map(SampleCase::name).toList();
    for (String required : List.of("component-if-placeholder", "component-concat-placeholder", "component-uri-io",
        "component-types-and-defaults", "component-inline-graph", "component-graph-external-refs", "argo-condition",
        "argo-recursion", "argo-with-items-nested", "argo-with-param-global", "argo-exit-handler", "argo-steps",
        "argo-volume-op", "argo-sidecar", "argo-run-settings", "argo-component-spec-annotation", "kfp-v2-argo-add-numbers",
        "argo-pod-manifest-not-a-workflow", "component-json-default-not-array", "component-empty-image")) {
      assertTrue(names.contains("kfp-v1/" + required), "missing sample case kfp-v1/" + required);
    }
  }

  // ---- corpus -------------------------------------------------------------------------------

  static Stream<Path> componentFiles() {
    List<Path> files = new ArrayList<>(Corpus.files(Corpus.corpusRoot().resolve("kfp-v1/components")));
    files.addAll(Corpus.files(Corpus.corpusRoot().resolve("kfp/sdk_uncompiled_pipelines")));
    return files.stream();
  }

  static Stream<Path> argoFiles() {
    return Corpus.files(Corpus.corpusRoot().resolve("kfp-v1/argo")).stream();
  }

  static Stream<Path> compiledWorkflows() {
    return Corpus.files(Corpus.corpusRoot().resolve("kfp/compiled-workflows")).stream();
  }

  @Test
  void atLeast95PercentOfComponentFilesReadWithoutErrors() {
    List<Path> files = componentFiles().toList();
    assertTrue(files.size() >= 200, "expected the whole component corpus, found " + files.size());
    List<String> failed = new ArrayList<>();
    for (Path f : files) {
      SourceFile source = source(f);
      assertTrue(new KfpV1ComponentReader().accepts(source), () -> "not recognised as a component: " + f);
      Outcome<Pipeline> o = new KfpV1ComponentReader().read(source);
      if (!o.ok()) {
        failed.add(f.getFileName() + "\n" + DiagnosticRenderer.shortForm(o.diagnostics()));
      }
      assertFalse(o.diagnostics().stream().anyMatch(d -> d.code().id().equals("FM1004")),
          () -> "a field was not read in " + f + ":\n" + DiagnosticRenderer.shortForm(o.diagnostics()));
    }
    assertTrue(failed.size() * 100 <= files.size() * 5, () -> failed.size() + " of " + files.size() + " have errors:\n"
        + String.join("\n", failed));
  }

  @Test
  void atLeast85PercentOfArgoFilesReadWithoutErrors() {
    List<Path> files = argoFiles().toList();
    assertTrue(files.size() >= 25, "expected the whole argo corpus, found " + files.size());
    List<String> failed = new ArrayList<>();
    for (Path f : files) {
      SourceFile source = source(f);
      Optional<PipelineReader> reader = pick(source);
      if (reader.isEmpty()) {
        failed.add(f.getFileName() + ": no kfp v1 reader accepts it");
        continue;
      }
      Outcome<Pipeline> o = reader.get().read(source);
      if (!o.ok()) {
        failed.add(f.getFileName() + "\n" + DiagnosticRenderer.shortForm(o.diagnostics()));
      }
      assertFalse(o.diagnostics().stream().anyMatch(d -> d.code().id().equals("FM1004")),
          () -> "a field was not read in " + f + ":\n" + DiagnosticRenderer.shortForm(o.diagnostics()));
    }
    assertTrue(failed.size() * 100 <= files.size() * 15, () -> failed.size() + " of " + files.size() + " fail:\n"
        + String.join("\n", failed));
  }

  @Test
  void theRecursiveWorkflowIsReportedAsUnsupported() {
    Outcome<Pipeline> o = new ArgoWorkflowReader().read(source(Corpus.corpusRoot().resolve("kfp-v1/argo/recursive_while.yaml")));
    assertTrue(o.value().isPresent());
    assertEquals(List.of("FM2004"), o.diagnostics().stream().filter(Diagnostic::isError).map(d -> d.code().id()).toList());
  }

  @Test
  void theKanikoPodsOfTheArgoFolderAreReportedAsKubernetesManifests() {
    for (String name : List.of("kaniko.basic.yaml", "kaniko.kubeflow.yaml")) {
      SourceFile source = source(Corpus.corpusRoot().resolve("kfp-v1/argo/" + name));
      assertTrue(new ArgoWorkflowReader().accepts(source), name);
      Outcome<Pipeline> o = new ArgoWorkflowReader().read(source);
      assertTrue(o.value().isEmpty(), name);
      assertEquals(List.of("FM2022"), o.diagnostics().stream().map(d -> d.code().id()).toList(), name);
      assertTrue(o.diagnostics().get(0).message().startsWith("the file is a kubernetes `Pod` (`apiVersion: v1`)"), name);
    }
  }

  /**
   * The coin flip of the KFP 1.8 test data reads an output of a sibling condition: {@code print2}
   * runs when the first flip is tails and prints {@code flip-again}, which runs only on heads. The
   * reader keeps that as written (the validators then report it), rather than nesting one
   * condition in the other.
   */
  @Test
  void theCoinFlipReadsTheOutputOfASiblingConditionAsWritten() {
    Outcome<Pipeline> o = new ArgoWorkflowReader().read(source(Corpus.corpusRoot().resolve("kfp-v1/argo/coin.yaml")));
    assertEquals(List.of(), o.diagnostics(), () -> DiagnosticRenderer.shortForm(o.diagnostics()));
    Graph root = o.value().orElseThrow().root();
    assertEquals(List.of("condition-1", "condition-3", "flip"), root.nodes().stream().map(Node::id).toList());
    Node.ConditionNode third = (Node.ConditionNode) root.node("condition-3").orElseThrow();
    assertEquals(new Binding.TaskOutput("condition-1", "flip-again-output"), third.inputs().stream()
        .filter(b -> b.input().equals("flip-again-output")).findFirst().orElseThrow().value());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("compiledWorkflows")
  void everyKfpV2ArgoWorkflowGetsTheDocumentedDiagnostic(Path file) {
    SourceFile source = source(file);
    assertTrue(new ArgoWorkflowReader().accepts(source), "not recognised as an argo workflow");
    assertFalse(new KfpV2Reader().accepts(source), "the kfp v2 reader claims it too");
    Outcome<Pipeline> o = new ArgoWorkflowReader().read(source);
    assertTrue(o.diagnostics().stream().anyMatch(d -> d.code().id().equals("FM2001")), () -> DiagnosticRenderer.shortForm(o.diagnostics()));
    assertTrue(o.value().isPresent(), () -> "the embedded spec was not read:\n" + DiagnosticRenderer.shortForm(o.diagnostics()));
    assertEquals("kfp-v2-argo", o.value().get().source().format());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("allV1Files")
  void readingIsDeterministicAndNeverThrows(Path file) {
    SourceFile source = source(file);
    Optional<PipelineReader> reader = pick(source);
    if (reader.isEmpty()) {
      return;
    }
    Outcome<Pipeline> first = reader.get().read(source);
    Outcome<Pipeline> second = reader.get().read(source(file));
    assertEquals(first.value().map(IrPrinter::print), second.value().map(IrPrinter::print));
    assertEquals(DiagnosticRenderer.shortForm(first.diagnostics()), DiagnosticRenderer.shortForm(second.diagnostics()));
  }

  static Stream<Path> allV1Files() {
    return Stream.concat(Stream.concat(componentFiles(), argoFiles()), compiledWorkflows());
  }

  @Test
  void theReadersDoNotClaimEachOthersFiles() {
    for (Path f : allV1Files().toList()) {
      SourceFile s = source(f);
      assertFalse(new KfpV2Reader().accepts(s), () -> "the kfp v2 reader accepts " + f);
      assertFalse(new KfpV1ComponentReader().accepts(s) && new ArgoWorkflowReader().accepts(s), () -> "both v1 readers accept " + f);
    }
    for (Path f : Corpus.files(Corpus.corpusRoot().resolve("kfp/sdk_compiled_pipelines"))) {
      SourceFile s = source(f);
      assertFalse(new KfpV1ComponentReader().accepts(s) || new ArgoWorkflowReader().accepts(s), () -> "a v1 reader accepts " + f);
    }
  }

  private static Optional<PipelineReader> pick(SourceFile source) {
    return READERS.stream().filter(r -> r.accepts(source)).findFirst();
  }

  private static SourceFile source(Path f) {
    Path root = Corpus.corpusRoot();
    String shown = f.startsWith(root) ? "corpus/" + root.relativize(f).toString().replace('\\', '/') : f.getFileName().toString();
    return new SourceFile(shown, SampleCase.read(f));
  }

  private static void approve(SampleCase c, String name, String text) {
    Options options = new Options()
        .withReporter(Boolean.getBoolean("approve") ? new AutoApproveReporter() : new QuietReporter())
        .forFile().withNamer(new CaseNamer(c.dir().resolve("approved"), name))
        .forFile().withExtension(".txt");
    Approvals.verify(text, options);
  }
}
