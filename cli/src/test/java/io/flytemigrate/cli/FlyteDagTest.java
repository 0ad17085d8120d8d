package io.flytemigrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flytemigrate.flyte.lower.FlyteLowering;
import io.flytemigrate.flyte.lower.Lowered;
import io.flytemigrate.flyte.lower.LoweringOptions;
import io.flytemigrate.flyte.model.FlyteProject;
import io.flytemigrate.flyte.model.Node;
import io.flytemigrate.flyte.model.WorkflowDef;
import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.diag.Outcome;
import io.flytemigrate.ir.diag.SourceFile;
import io.flytemigrate.report.Dag;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The Flyte DAG drawn from the lowered model of real pipelines. */
class FlyteDagTest {
  /** The repository root: the nearest ancestor of the working directory with a pom.xml and samples/. */
  static Path repoRoot() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !(Files.isDirectory(p.resolve("samples")) && Files.isRegularFile(p.resolve("pom.xml")))) {
      p = p.getParent();
    }
    if (p == null) {
      throw new IllegalStateException("cannot find the repository root");
    }
    return p;
  }

  /** A file of the shared corpus of real pipelines, kept beside the repository. */
  static Path corpus(String relative) {
    return repoRoot().resolve("../shared/corpus").resolve(relative).normalize();
  }

  static FlyteProject lower(Path file, String displayPath) throws IOException {
    SourceFile source = new SourceFile(displayPath, Files.readString(file));
    Outcome<Pipeline> read = Readers.pick(Readers.all(), source).orElseThrow().read(source);
    assertTrue(read.value().isPresent() && !read.hasErrors(), () -> displayPath + ": " + read.diagnostics());
    Outcome<Lowered> lowered = FlyteLowering.lower(read.value().get(), LoweringOptions.DEFAULT);
    assertTrue(lowered.value().isPresent() && !lowered.hasErrors(), () -> displayPath + ": " + lowered.diagnostics());
    return lowered.value().get().project();
  }

  /** The drawing as text: one line per node, indented by depth, then one line per edge. */
  static String text(Dag dag) {
    var b = new StringBuilder();
    for (Dag.Node n : dag.nodes()) {
      node(b, n, "");
    }
    for (Dag.Edge e : dag.edges()) {
      b.append(e.from()).append(e.kind() == Dag.EdgeKind.DATA ? " -> " : " .> ").append(e.to())
          .append(e.label().isEmpty() ? "" : " [" + e.label() + "]").append('\n');
    }
    return b.toString();
  }

  private static void node(StringBuilder b, Dag.Node n, String indent) {
    b.append(indent).append(n.kind()).append(' ').append(n.id()).append(": ").append(n.label()).append('\n');
    for (Dag.Node c : n.children()) {
      node(b, c, indent + "  ");
    }
  }

  private static Dag corpusDag(String relative) throws IOException {
    return FlyteDag.of(lower(corpus(relative), relative));
  }

  @Test
  void theReadmePipelineShowsTheBodyWorkflowsBranchDynamicLoopAndFailureNode() throws IOException {
    String f = "samples/cases/flyte/readme-condition-loop-exit-handler/input/greetings.yaml";
    assertEquals("""
        WORKFLOW exit-handler-1: exit-handler-1: workflow exit_handler_1_body
          TASK exit-handler-1/flip-coin: flip-coin
          BRANCHES exit-handler-1/condition-2: condition-2: conditional
            CONDITION exit-handler-1/condition-2/if: if flip-coin.o0 == "heads": condition_2_body
              LOOP exit-handler-1/condition-2/if/for-loop-3: for-loop-3: @dynamic for_loop_3, once per item
                TASK exit-handler-1/condition-2/if/for-loop-3/greet: greet
            CONDITION exit-handler-1/condition-2/else: else
              OTHER exit-handler-1/condition-2/else/condition-2-else: condition-2-else (no_op)
          EXIT_HANDLER exit-handler-1/fn0: on failure: exit_handler_1_on_failure
            TASK exit-handler-1/fn0/cleanup: cleanup
        TASK cleanup: cleanup
        exit-handler-1/flip-coin -> exit-handler-1/condition-2 [o0]
        exit-handler-1 .> cleanup
        """, text(FlyteDag.of(lower(repoRoot().resolve(f), f))));
  }

  @Test
  void aLoopOverOneTaskIsAMapTaskAndOtherLoopsRunTheirBodyWorkflow() throws IOException {
    String t = text(corpusDag("kfp/sdk_compiled_pipelines/valid/parallel_and_nested/pipeline_with_loops.yaml"));
    assertTrue(t.contains("""
        LOOP for-loop-1: for-loop-1: map_task(print_text)
          TASK for-loop-1/print-text: print-text
        LOOP for-loop-2: for-loop-2: @dynamic for_loop_2, once per item
          TASK for-loop-2/print-struct: print-struct
          TASK for-loop-2/print-text-2: print-text-2 (print_text)
        """), t);
    assertTrue(t.contains("args-generator-op -> for-loop-2 [o0]\n"), t);
  }

  @Test
  void ifElifElseCasesAreConditionClustersInOrderWithTheirConditions() throws IOException {
    String t = text(corpusDag("kfp/sdk_compiled_pipelines/valid/if_elif_else_complex.yaml"));
    assertTrue(t.contains("    CONDITION for-loop-1/condition-branches-4/if: if int-0-to-9999.o0 >= 5000 and int-0-to-9999.o0 <= 5000:"
        + " condition_13_body\n"), t);
    assertTrue(t.contains("    CONDITION for-loop-1/condition-branches-4/elif: elif int-0-to-9999.o0 < 5000:"
        + " condition_8_body\n"), t);
    assertTrue(t.contains("    CONDITION for-loop-1/condition-branches-4/elif#2: elif int-0-to-9999.o0 > 5000:"
        + " condition_9_body\n"), t);
    assertTrue(t.contains(
        "        CONDITION for-loop-1/condition-branches-4/elif/condition-branches-5/if: if is-even-or-odd.o0 == \"even\"\n"
        + "          TASK for-loop-1/condition-branches-4/elif/condition-branches-5/if/print-and-return-2:"
        + " print-and-return-2 (print_and_return)\n"), t);
    assertTrue(t.contains("for-loop-1/int-0-to-9999 -> for-loop-1/condition-branches-4 [o0]\n"), t);
    assertTrue(t.contains("for-loop-1 -> print-ints [o0]\n"), t);
  }

  @Test
  void aBranchNodeGetsADataEdgeFromWhatItsCasesRead() throws IOException {
    String t = text(corpusDag("kfp/sdk_compiled_pipelines/valid/critical/flip_coin.yaml"));
    assertTrue(t.contains("condition-1/if/print-msg-msg -> condition-1/if/condition-2 [o0]\n"),
        "the case's task reads the joined message: " + t);
    assertTrue(t.contains("condition-1/if/random-num -> condition-1/if/condition-2 [o0]\n"), "the condition reads it: " + t);
    assertTrue(t.contains("flip-coin -> condition-4 [o0]\n"), t);
  }

  @Test
  void aNestedPipelineIsOneWorkflowNodeAsOnTheSourceSide() throws IOException {
    assertEquals("""
        WORKFLOW pipeline-in-pipeline: pipeline-in-pipeline (pipeline_in_pipeline_2)
        TASK print-op1: print-op1 (print_op1_2)
        pipeline-in-pipeline -> print-op1 [o0]
        """, text(corpusDag("kfp/sdk_compiled_pipelines/valid/parallel_and_nested/pipeline_in_pipeline_loaded_from_yaml.yaml")));
  }

  @Test
  void kfpV1AndAirflowPipelinesAreDrawnFromTheSameModel() throws IOException {
    String argo = text(corpusDag("kfp-v1/argo/uri_artifacts.yaml"));
    assertTrue(argo.contains("""
        BRANCHES condition-3: condition-3: conditional
          CONDITION condition-3/if: if flip-coin.flip_coin_output == "heads"
            TASK condition-3/if/read-from-gcs-3: read-from-gcs-3
          CONDITION condition-3/else: else
            OTHER condition-3/else/condition-3-else: condition-3-else (no_op)
        LOOP for-loop-2: for-loop-2: @dynamic for_loop_2, once per item
          TASK for-loop-2/read-from-gcs-2: read-from-gcs-2 (read_from_gcs_3)
        """), argo);
    assertTrue(argo.contains("write-to-gcs -> condition-3 [write_to_gcs_output_gcs_path]\n"),
        "the case's task reads the file the branch node waits for: " + argo);
    String branches = text(corpusDag("airflow/apache-airflow-2.9.3/example_dags/example_branch_operator.py"));
    assertTrue(branches.startsWith("OTHER run-this-first: run-this-first (no_op)\nTASK branching: branching\n"), branches);
    assertTrue(branches.contains("branching .> branch-a\n"), branches);
  }

  /** Over the valid KFP v2 corpus: every node of the pipeline workflow is drawn, with an edge from each upstream node. */
  @Test
  void everyCorpusPipelineDrawsEveryTopLevelNodeAndUpstreamEdgeTheSameWayTwice() throws IOException {
    Path dir = corpus("kfp/sdk_compiled_pipelines/valid");
    List<Path> files;
    try (Stream<Path> s = Files.walk(dir)) {
      files = s.filter(Files::isRegularFile).sorted().toList();
    }
    int drawn = 0;
    for (Path file : files) {
      String display = dir.relativize(file).toString();
      Optional<FlyteProject> project = lowerIfClean(file, display);
      if (project.isEmpty()) {
        continue;
      }
      Dag dag = FlyteDag.of(project.get());
      WorkflowDef wf = project.get().pipelineWorkflow();
      List<String> expected = new ArrayList<>(wf.nodes().stream().map(Node::id).toList());
      wf.failureNode().ifPresent(n -> expected.add(n.id()));
      assertEquals(expected, dag.nodes().stream().map(Dag.Node::id).toList(), display);
      Set<String> edges = dag.edges().stream().map(e -> e.from() + " " + e.to()).collect(Collectors.toSet());
      for (Node n : wf.nodes()) {
        for (String u : n.upstreamNodeIds()) {
          assertTrue(edges.contains(u + " " + n.id()), display + ": no edge " + u + " -> " + n.id());
        }
      }
      assertEquals(dag, FlyteDag.of(project.get()), display);
      drawn++;
    }
    assertTrue(drawn >= 90, "expected most of the corpus to lower, drew " + drawn);
  }

  private static Optional<FlyteProject> lowerIfClean(Path file, String displayPath) throws IOException {
    SourceFile source = new SourceFile(displayPath, Files.readString(file));
    Optional<Outcome<Pipeline>> read = Readers.pick(Readers.all(), source).map(r -> r.read(source));
    if (read.isEmpty() || read.get().value().isEmpty() || read.get().hasErrors()) {
      return Optional.empty();
    }
    Outcome<Lowered> lowered = FlyteLowering.lower(read.get().value().get(), LoweringOptions.DEFAULT);
    return lowered.hasErrors() ? Optional.empty() : lowered.value().map(Lowered::project);
  }
}
