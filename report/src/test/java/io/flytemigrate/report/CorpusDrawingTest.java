package io.flytemigrate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.diag.Outcome;
import io.flytemigrate.ir.diag.SourceFile;
import io.flytemigrate.ir.parity.ParityReport;
import io.flytemigrate.kfp.KfpV2Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * Every real KFP v2 pipeline of the shared corpus (kept beside the repository) is drawn: the DAG
 * is valid, every node is placed inside its cluster, and the HTML page of the whole lot is
 * well-formed with two drawings per pipeline.
 */
class CorpusDrawingTest {
  private static List<Path> corpusFiles() throws Exception {
    Path root = RepoFiles.root().resolve("../shared/corpus/kfp/sdk_compiled_pipelines").normalize();
    assertTrue(Files.isDirectory(root), "the corpus is missing: expected ../shared/corpus beside the repository");
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".json"))
          .sorted().toList();
    }
  }

  @Test
  void everyCorpusPipelineIsDrawn() throws Exception {
    List<InputResult> inputs = new ArrayList<>();
    int clusters = 0;
    Path base = RepoFiles.root().resolve("../shared/corpus").normalize();
    for (Path file : corpusFiles()) {
      String shown = base.relativize(file).toString().replace('\\', '/');
      Outcome<Pipeline> outcome = new KfpV2Reader().read(new SourceFile(shown, Files.readString(file)));
      if (outcome.value().isEmpty()) {
        continue;
      }
      Pipeline p = outcome.value().get();
      Dag dag = IrDag.of(p);
      DagLayout.Result layout = DagLayout.of(dag);
      assertEquals(count(dag.nodes()), layout.boxes().size(), shown);
      clusters += (int) layout.boxes().stream().filter(b -> b.node().isCluster()).count();
      assertTrue(Mermaid.flowchart(dag, "src").startsWith("flowchart TB\n"), shown);
      inputs.add(new InputResult(shown, InputStatus.CONVERTED, outcome.diagnostics(), FlyteIds.NONE,
          Optional.of(PipelineReport.of(p, new ParityReport(p.name(), shown, List.of())))));
    }
    assertTrue(inputs.size() >= 40, "only " + inputs.size() + " corpus pipelines were read");
    assertTrue(clusters >= 20, "the corpus has conditions, loops and exit handlers; drew only " + clusters + " clusters");
    Document doc = JUnitXmlTest.parse(ParityHtml.write(BatchResult.of(inputs)));
    assertEquals(2 * inputs.size(), doc.getElementsByTagName("svg").getLength());
  }

  private static int count(List<Dag.Node> nodes) {
    int n = 0;
    for (Dag.Node node : nodes) {
      n += 1 + count(node.children());
    }
    return n;
  }
}
