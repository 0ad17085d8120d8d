package io.flytemigrate.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flytemigrate.airflow.AirflowReader;
import io.flytemigrate.airflow.AirflowSerializedReader;
import io.flytemigrate.ir.Binding;
import io.flytemigrate.ir.Graph;
import io.flytemigrate.ir.InputBinding;
import io.flytemigrate.ir.Node;
import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.diag.DiagnosticRenderer;
import io.flytemigrate.ir.diag.Outcome;
import io.flytemigrate.ir.diag.SourceFile;
import io.flytemigrate.ir.print.IrPrinter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.approvaltests.Approvals;
import org.approvaltests.core.Options;
import org.approvaltests.reporters.AutoApproveReporter;
import org.approvaltests.reporters.QuietReporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden tests of the Airflow readers: every case under {@code samples/cases/airflow} (a DAG file
 * or a serialized DAG, inline or from the corpus) against {@code airflow-ir.approved.txt} (every
 * DAG of the file) and {@code airflow-diagnostics.approved.txt}. A case with a
 * {@code same-graph-as.txt} (a corpus DAG file) is a serialized DAG written by hand to the corpus
 * schema, and must give the same task graph as reading that DAG file. Approve with
 * {@code -Dapprove=true}.
 */
class AirflowSamplesTest {
  static Stream<SampleCase> cases() {
    return SampleCase.discover().stream().filter(c -> c.name().startsWith("airflow/"));
  }

  private static Outcome<List<Pipeline>> read(String path, String text) {
    SourceFile source = new SourceFile(path, text);
    return path.endsWith(".json") ? new AirflowSerializedReader().readAll(source) : new AirflowReader().readAll(source);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void readsAsApproved(SampleCase c) {
    Outcome<List<Pipeline>> o = read(c.displayPath(), c.text());
    StringBuilder ir = new StringBuilder();
    for (Pipeline p : o.value().orElse(List.of())) {
      ir.append(ir.length() == 0 ? "" : "\n").append(IrPrinter.print(p));
    }
    approve(c, "airflow-ir", ir.length() == 0 ? "(no pipeline)\n" : ir.toString());
    approve(c, "airflow-diagnostics", DiagnosticRenderer.shortForm(o.diagnostics()));
  }

  @Test
  void thereAreCasesOfEveryKind() {
    List<SampleCase> all = cases().toList();
    assertTrue(all.size() >= 30, "airflow cases: " + all.size());
    assertTrue(all.stream().anyMatch(c -> c.displayPath().startsWith("corpus/airflow/")));
    assertTrue(all.stream().anyMatch(c -> c.displayPath().startsWith("corpus/airflow-serialized/")));
    assertTrue(sameGraphCases().size() >= 3, "hand-written serialized dags compared with their dag files");
  }

  static List<SampleCase> sameGraphCases() {
    return cases().filter(c -> Files.isRegularFile(c.dir().resolve("same-graph-as.txt"))).toList();
  }

  static Stream<SampleCase> sameGraph() {
    return sameGraphCases().stream();
  }

  /** The serialized form, written to the corpus schema, and the DAG file agree on tasks and edges. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("sameGraph")
  void serializedFormGivesTheSameTaskGraphAsTheDagFile(SampleCase c) throws Exception {
    String rel = Files.readString(c.dir().resolve("same-graph-as.txt")).strip();
    Path py = Corpus.corpusRoot().resolve(rel);
    Outcome<List<Pipeline>> fromJson = read(c.displayPath(), c.text());
    Outcome<List<Pipeline>> fromPy = read("corpus/" + rel, Files.readString(py));
    assertTrue(fromJson.ok(), DiagnosticRenderer.shortForm(fromJson.diagnostics()));
    assertTrue(fromPy.ok(), DiagnosticRenderer.shortForm(fromPy.diagnostics()));
    assertEquals(graphs(fromPy.value().get()), graphs(fromJson.value().get()));
  }

  /** For each DAG id: its task ids and its edges (explicit and data edges), loops flattened. */
  private static Map<String, List<String>> graphs(List<Pipeline> pipelines) {
    Map<String, List<String>> out = new TreeMap<>();
    for (Pipeline p : pipelines) {
      TreeSet<String> lines = new TreeSet<>();
      collect(p.root(), lines, List.of());
      out.put(p.name(), new ArrayList<>(lines));
    }
    return out;
  }

  private static void collect(Graph g, TreeSet<String> out, List<InputBinding> outer) {
    for (Node n : g.nodes()) {
      List<InputBinding> inputs = new ArrayList<>(n.inputs());
      inputs.addAll(outer);
      for (String up : n.after()) {
        out.add("edge " + up + " -> " + n.id());
      }
      if (n instanceof Node.LoopNode l) {
        collect(l.body(), out, inputs);
        continue;
      }
      out.add("task " + n.id());
      for (InputBinding b : inputs) {
        Binding v = b.value();
        while (v instanceof Binding.Field f) {
          v = f.base();
        }
        if (v instanceof Binding.TaskOutput t && !t.task().equals(n.id())) {
          out.add("edge " + t.task() + " -> " + n.id());
        }
      }
    }
  }

  private static void approve(SampleCase c, String name, String text) {
    Options options = new Options()
        .withReporter(Boolean.getBoolean("approve") ? new AutoApproveReporter() : new QuietReporter())
        .forFile().withNamer(new CaseNamer(c.dir().resolve("approved"), name))
        .forFile().withExtension(".txt");
    Approvals.verify(text, options);
  }
}
