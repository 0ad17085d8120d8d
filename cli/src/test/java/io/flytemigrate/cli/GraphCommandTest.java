package io.flytemigrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code flyte-migrate graph} on real files: both formats, both sides, and what it does with bad input. */
class GraphCommandTest {
  private static final String GREETINGS = "samples/cases/flyte/readme-condition-loop-exit-handler/input/greetings.yaml";

  @TempDir Path dir;

  private static Cli graph(String... args) {
    return Cli.run(new CommandLine(new GraphCommand()), args);
  }

  private static String repoFile(String relative) {
    return FlyteDagTest.repoRoot().resolve(relative).toString();
  }

  private static String corpusFile(String relative) {
    return FlyteDagTest.corpus(relative).toString();
  }

  @Test
  void theSourceSideAsMermaidIsTheDefault() {
    Cli r = graph(repoFile(GREETINGS));
    assertEquals(0, r.exit(), r::toString);
    assertEquals("", r.err(), r::toString);
    assertEquals("""
        flowchart TB
          src_cleanup["cleanup"]
          subgraph src_exit_handler_1["exit-handler-1: exit handler"]
            subgraph src_exit_handler_1_condition_2["condition-2: if flip-coin.Output == #quot;heads#quot;"]
              subgraph src_exit_handler_1_condition_2_for_loop_3["for-loop-3: for each item in names, 2 at a time"]
                src_exit_handler_1_condition_2_for_loop_3_greet["greet"]
              end
            end
            src_exit_handler_1_flip_coin["flip-coin"]
          end
          src_exit_handler_1_flip_coin -->|"Output"| src_exit_handler_1_condition_2
          src_exit_handler_1 -->|"status"| src_cleanup
        """, r.out());
  }

  @Test
  void theFlyteSideAsDotShowsTheWorkflowConvertWrites() {
    Cli r = graph(repoFile(GREETINGS), "--side", "flyte", "--format", "dot");
    assertEquals(0, r.exit(), r::toString);
    String dot = r.out();
    assertTrue(dot.startsWith("digraph \"greetings\" {\n"), dot);
    assertTrue(dot.contains("subgraph \"cluster_1\" {\n    label=\"exit-handler-1: workflow exit_handler_1_body\";"),
        dot);
    assertTrue(dot.contains("label=\"condition-2: conditional\";"), dot);
    assertTrue(dot.contains("label=\"if flip-coin.o0 == \\\"heads\\\": condition_2_body\";"), dot);
    assertTrue(dot.contains("label=\"for-loop-3: @dynamic for_loop_3, once per item\";"), dot);
    assertTrue(dot.contains("\"exit-handler-1/condition-2/else/condition-2-else\" [label=\"condition-2-else (no_op)\", shape=ellipse"),
        dot);
    assertTrue(dot.contains("label=\"on failure: exit_handler_1_on_failure\";"), dot);
    assertTrue(dot.contains("  \"exit-handler-1/flip-coin\" -> \"exit-handler-1/condition-2\" [label=\"o0\", lhead=\"cluster_2\"];\n"),
        dot);
    assertTrue(dot.contains("  \"exit-handler-1\" -> \"cleanup\" [style=dashed, ltail=\"cluster_1\"];\n"), dot);
    assertTrue(dot.endsWith("}\n"), dot);
  }

  @Test
  void theFlyteSideAsMermaidUsesItsOwnIdPrefix() {
    Cli r = graph(corpusFile("kfp/sdk_compiled_pipelines/valid/parallel_and_nested/pipeline_with_loops.yaml"),
        "--side", "FLYTE");
    assertEquals(0, r.exit(), r::toString);
    assertTrue(r.out().contains("  subgraph fly_for_loop_1[\"for-loop-1: map_task(print_text)\"]\n"
        + "    fly_for_loop_1_print_text[\"print-text\"]\n  end\n"), r.out());
    assertTrue(r.out().contains("  fly_args_generator_op -->|\"o0\"| fly_for_loop_2\n"), r.out());
  }

  @Test
  void anAirflowDagFileIsDrawnWithoutRunningIt() {
    Cli r = graph(corpusFile("airflow/apache-airflow-2.9.3/example_dags/example_branch_operator.py"), "--format", "dot");
    assertEquals(0, r.exit(), r::toString);
    assertTrue(r.out().startsWith("digraph \"example_branch_operator\" {\n"), r.out());
    assertTrue(r.out().contains("\"run_this_first\" -> \"branching\""), r.out());
  }

  @Test
  void aPipelineTheValidatorsRejectIsDrawnOnTheSourceSideButNotOnTheFlyteSide() {
    String cycle = repoFile("samples/cases/validators/cycle/input/pipeline.yaml");
    Cli source = graph(cycle, "--format", "dot");
    assertEquals(0, source.exit(), source::toString);
    assertTrue(source.out().contains("\"clean\" -> \"split\""), source.out());

    Cli flyte = graph(cycle, "--side", "flyte", "--diagnostics", "short");
    assertEquals(1, flyte.exit(), flyte::toString);
    assertEquals("", flyte.out());
    assertTrue(flyte.err().contains(": error[FM4004]: nodes of the pipeline wait for each other in a cycle"), flyte::toString);
  }

  @Test
  void aFileNoReaderRecognisesIsFm0004AndDrawsNothing() throws IOException {
    Path file = dir.resolve("notes.yaml");
    Files.writeString(file, "hello: world\n");
    Cli r = graph(file.toString());
    assertEquals(1, r.exit(), r::toString);
    assertEquals("", r.out());
    assertTrue(r.err().startsWith(file + ":1:1: error[FM0004]: `" + file + "` is not in a format flyte-migrate can read\n"),
        r::toString);
    assertTrue(r.err().contains("1 | hello: world"), "rich diagnostics by default: " + r);
  }

  @Test
  void aMissingFileIsFm0001() {
    Cli r = graph("no-such-pipeline.yaml", "--diagnostics", "json");
    assertEquals(1, r.exit(), r::toString);
    assertEquals("", r.out());
    assertTrue(r.err().contains("\"code\": \"FM0001\""), r::toString);
  }

  @Test
  void aReaderErrorDrawsNothing() {
    Cli r = graph(corpusFile("kfp/sdk_compiled_pipelines/invalid/invalid_yaml.yaml"), "--diagnostics", "short");
    assertEquals(1, r.exit(), r::toString);
    assertEquals("", r.out());
    assertTrue(r.err().contains(": error[FM"), r::toString);
  }

  @Test
  void aWrongFormatIsAUsageErrorNamingTheChoices() {
    Cli r = graph(repoFile(GREETINGS), "--format", "svg");
    assertEquals(2, r.exit(), r::toString);
    assertTrue(r.err().contains("expected one of mermaid, dot but was 'svg'"), r::toString);
    Cli side = graph(repoFile(GREETINGS), "--side", "kfp");
    assertEquals(2, side.exit(), side::toString);
    assertTrue(side.err().contains("expected one of source, flyte but was 'kfp'"), side::toString);
    Cli blank = graph(" ");
    assertEquals(2, blank.exit(), blank::toString);
    assertTrue(blank.err().contains("FILE is empty"), blank::toString);
  }

  @Test
  void helpTeachesWithExamples() {
    Cli r = graph("--help");
    assertEquals(0, r.exit(), r::toString);
    assertTrue(r.out().startsWith("Draw a pipeline's DAG as a Mermaid flowchart or a Graphviz graph.\n"), r.out());
    assertTrue(r.out().contains("--format=FORMAT"), r.out());
    assertTrue(r.out().contains("--side=SIDE"), r.out());
    assertTrue(r.out().contains("(default: mermaid)"), r.out());
    assertTrue(r.out().contains("flyte-migrate graph dags/etl.py --format dot | dot -Tsvg > etl.svg"), r.out());
    assertTrue(r.out().contains("Exit codes:"), r.out());
    assertFalse(r.out().contains("${"), "every variable is expanded: " + r.out());
  }
}
