package io.flytemigrate.validators;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flytemigrate.ir.Component;
import io.flytemigrate.ir.Condition;
import io.flytemigrate.ir.Graph;
import io.flytemigrate.ir.InputBinding;
import io.flytemigrate.ir.Interface;
import io.flytemigrate.ir.Node;
import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.Value;
import io.flytemigrate.ir.diag.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Graphs of 20,000 nodes get exactly the findings a small graph with the same faults gets. Every
 * check looks names up per binding and edge; these sizes finish in seconds only when lookups
 * are indexed (a scan per lookup took minutes here), and the findings show that the index
 * answers as the scan did: the first node of a repeated id, every dangling name.
 */
class LargeGraphsTest {
  static final int N = 20_000;

  private static final Component ECHO =
      Ir.container("comp-echo", List.of(Ir.port("text", Ir.STR, 1)), List.of(Ir.port("Output", Ir.STR, 1)), 1);
  private static final Component OTHER = Ir.container("comp-other", List.of(), List.of(Ir.port("Other", Ir.STR, 2)), 2);

  /** A task of {@code comp-echo} that reads {@code from}'s output and runs after {@code after}. */
  private static Node.TaskNode echo(String id, String from, List<String> after, int line) {
    InputBinding text = from == null ? Ir.bind("text", Ir.constant(new Value.Str("go")), line)
        : Ir.bind("text", Ir.output(from, "Output"), line);
    return Ir.task(id, "comp-echo", line, List.of(text), after);
  }

  /**
   * A chain {@code t-0 -> t-1 -> ...} of {@code n} tasks, node {@code t-i} on line {@code i + 10},
   * with four faults past its end: the last task reads from a node that does not exist, a
   * second node takes the id {@code t-5000}, a task reads an output that only that second node
   * has (the first is the one names resolve to), and a node runs after a node that does not exist.
   */
  static Pipeline chain(int n) {
    List<Node> nodes = new ArrayList<>();
    nodes.add(echo("t-0", null, List.of(), 10));
    for (int i = 1; i < n - 1; i++) {
      nodes.add(echo("t-" + i, "t-" + (i - 1), List.of("t-" + (i - 1)), i + 10));
    }
    nodes.add(echo("t-" + (n - 1), "ghost", List.of("t-" + (n - 2)), n - 1 + 10));
    nodes.add(Ir.task("t-5000", "comp-other", n + 10));
    nodes.add(Ir.task("reader", "comp-echo", n + 11, List.of(Ir.bind("text", Ir.output("t-5000", "Other"), n + 11)),
        List.of("t-5000")));
    nodes.add(echo("late", "t-0", List.of("t-" + n), n + 12));
    Interface iface = Ir.iface(List.of(), List.of(Ir.port("out", Ir.STR, 3)));
    Graph.GraphOutput out = new Graph.GraphOutput("out", List.of(new Graph.Source("t-" + (n - 2), "Output")), false, false,
        Ir.at(4));
    return Ir.pipeline(List.of(ECHO, OTHER), Ir.graph(iface, nodes, List.of(out)));
  }

  static String findings(Pipeline p) {
    return lines(Validators.check(p));
  }

  private static String lines(List<Diagnostic> diagnostics) {
    return diagnostics.stream()
        .map(d -> d.code().id() + " " + d.span().line() + ":" + d.span().column() + " " + d.severity().label() + " "
            + d.message() + "\n")
        .collect(Collectors.joining());
  }

  @Test
  void aLongChainHasTheFindingsOfItsFaultsAndNoOthers() {
    assertEquals("""
        FM4002 20009:1 error input `text` of task `t-19999` reads from `ghost`, which is not a node of the pipeline
        FM4001 20010:1 error node id `t-5000` is already used by another node of the pipeline
        FM4003 20011:1 error input `text` of task `reader` reads output `Other` of task `t-5000`, which has no such output
        FM4002 20012:1 error task `late` runs after `t-20000`, which is not a node of the pipeline
        """, findings(chain(N)));
  }

  @Test
  void aSmallChainHasTheSameFindings() {
    assertEquals("""
        FM4002 6009:1 error input `text` of task `t-5999` reads from `ghost`, which is not a node of the pipeline
        FM4001 6010:1 error node id `t-5000` is already used by another node of the pipeline
        FM4003 6011:1 error input `text` of task `reader` reads output `Other` of task `t-5000`, which has no such output
        FM4002 6012:1 error task `late` runs after `t-6000`, which is not a node of the pipeline
        """, findings(chain(6000)));
  }

  @Test
  void aWideFanInChecksEveryAfterEntry() {
    List<Node> nodes = new ArrayList<>();
    List<String> all = new ArrayList<>();
    for (int i = 0; i < N; i++) {
      nodes.add(echo("t-" + i, null, List.of(), i + 10));
      all.add("t-" + i);
    }
    all.add("t-" + N);
    all.add("t-7");
    nodes.add(Ir.task("gather", "comp-other", N + 10, List.of(), all));
    assertEquals("""
        FM4002 20010:1 error task `gather` runs after `t-20000`, which is not a node of the pipeline
        FM4006 20010:1 warning task `gather` lists `t-7` more than once in `after`
        """, findings(Ir.pipeline(List.of(ECHO, OTHER), Ir.graph(Interface.EMPTY, nodes, List.of()))));
  }

  @Test
  void aLargeConditionBodyResolvesItsOutputsOnce() {
    List<Node> body = new ArrayList<>();
    List<Graph.GraphOutput> outputs = new ArrayList<>();
    body.add(echo("b-0", null, List.of(), 10));
    for (int i = 1; i < N; i++) {
      body.add(echo("b-" + i, "b-" + (i - 1), List.of(), i + 10));
      outputs.add(new Graph.GraphOutput("o-" + i, List.of(new Graph.Source("b-" + i, "Output")), false, false, Ir.at(i + 10)));
    }
    Interface bodyIface = Ir.iface(List.of(), outputs.stream().map(o -> Ir.port(o.name(), Ir.STR, 5)).toList());
    Node.ConditionNode cond = new Node.ConditionNode("condition-1", "c", List.of(), List.of(),
        new Condition("c", Optional.empty(), Ir.at(5)), Ir.graph(bodyIface, body, outputs), Ir.at(5));
    List<Node> root = new ArrayList<>();
    root.add(cond);
    for (int i = 1; i < N; i++) {
      root.add(Ir.task("r-" + i, "comp-echo", N + 10 + i, List.of(Ir.bind("text", Ir.output("condition-1", "o-" + i),
          N + 10 + i)), List.of()));
    }
    String found = findings(Ir.pipeline(List.of(ECHO), Ir.graph(Interface.EMPTY, root, List.of())));
    assertEquals(N - 1, found.lines().count());
    assertEquals("FM4015 20011:1 error input `text` of task `r-1` reads output `o-1` of condition `condition-1`, which is"
        + " not set when the condition is false", found.lines().findFirst().orElseThrow());
    assertEquals(N - 1, found.lines().filter(l -> l.startsWith("FM4015 ") && l.contains("which is not set when")).count());
  }

  @Test
  void aConditionThatPassesManyValuesIntoItsBodyFollowsEachToItsOrigin() {
    Component num = Ir.container("comp-num", List.of(), List.of(Ir.port("Output", Ir.INT, 2)), 2);
    List<Node> root = new ArrayList<>();
    List<InputBinding> passed = new ArrayList<>();
    List<io.flytemigrate.ir.Port> bodyInputs = new ArrayList<>();
    List<Node> body = new ArrayList<>();
    for (int i = 0; i < N; i++) {
      String channel = "pipelinechannel--t-" + i + "-Output";
      root.add(i == 7 ? Ir.task("t-7", "comp-num", i + 10) : echo("t-" + i, null, List.of(), i + 10));
      passed.add(Ir.bind(channel, Ir.output("t-" + i, "Output"), 2 * N + 10 + i));
      bodyInputs.add(Ir.port(channel, Ir.STR, 5));
      body.add(Ir.task("b-" + i, "comp-echo", N + 10 + i, List.of(Ir.bind("text", Ir.input(channel), N + 10 + i)), List.of()));
    }
    bodyInputs.add(Ir.port("unset", Ir.STR, 6));
    Node.ConditionNode cond = new Node.ConditionNode("condition-1", "c", passed, List.of(),
        new Condition("c", Optional.empty(), Ir.at(5)), Ir.graph(Ir.iface(bodyInputs, List.of()), body, List.of()), Ir.at(5));
    root.add(cond);
    assertEquals("""
        FM4009 5:1 error condition `condition-1` does not set `unset`, an input of its body
        FM4011 20017:1 error input `text` of task `b-7` expects `str`, but output `Output` of task `t-7` gives `int`
        """, findings(Ir.pipeline(List.of(ECHO, num), Ir.graph(Interface.EMPTY, root, List.of()))));
  }

  @Test
  void manyNodeIdsToRenameAreEachReportedOnce() {
    List<Node> nodes = new ArrayList<>();
    for (int i = 0; i < N; i++) {
      nodes.add(Ir.task("task_" + i, "comp-other", i + 10));
    }
    nodes.add(Ir.task("task-7", "comp-other", N + 10));
    String found = findings(Ir.pipeline(List.of(OTHER), Ir.graph(Interface.EMPTY, nodes, List.of())));
    assertEquals(N, found.lines().count());
    assertEquals(N - 1, found.lines().filter(l -> l.startsWith("FM4016 ")).count());
    assertEquals(List.of("FM4018 20010:1 error node id `task-7` and node id `task_7` both become `task-7`"),
        found.lines().filter(l -> l.startsWith("FM4018 ")).toList());
  }
}
