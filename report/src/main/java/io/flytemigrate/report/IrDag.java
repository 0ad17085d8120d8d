package io.flytemigrate.report;

import io.flytemigrate.ir.Binding;
import io.flytemigrate.ir.Component;
import io.flytemigrate.ir.Graph;
import io.flytemigrate.ir.InputBinding;
import io.flytemigrate.ir.Node;
import io.flytemigrate.ir.Pipeline;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Draws an IR graph as a {@link Dag}: one node per graph node, the bodies of conditions,
 * if/elif/else chains, loops and exit handlers as clusters, a solid edge for each producer whose
 * output a node's bindings read (labelled with the outputs), and a dashed edge for each {@code
 * after} that no binding implies. Graph parameters are not drawn; the parity table lists them.
 *
 * <p>Node ids are the path of graph node ids from the root, joined by {@code /}, so they are
 * unique in the drawing and stable between runs. A second node with the same id in one graph (an
 * input error the reader reports) gets {@code #2}, {@code #3}, ... appended. References to nodes
 * that do not exist draw nothing.
 */
public final class IrDag {
  private final Set<String> workflowComponents;
  private final Set<String> usedIds = new HashSet<>();
  private final List<Dag.Edge> edges = new ArrayList<>();

  private IrDag(Set<String> workflowComponents) {
    this.workflowComponents = workflowComponents;
  }

  /** The pipeline's root graph; tasks that run a nested pipeline are drawn as {@link Dag.Kind#WORKFLOW}. */
  public static Dag of(Pipeline pipeline) {
    Set<String> workflows = new HashSet<>();
    for (Component c : pipeline.components()) {
      if (c instanceof Component.PipelineComponent) {
        workflows.add(c.id());
      }
    }
    return new IrDag(workflows).draw(pipeline.root());
  }

  /** One graph without its pipeline: every task is drawn as a {@link Dag.Kind#TASK}. */
  public static Dag of(Graph graph) {
    return new IrDag(Set.of()).draw(graph);
  }

  private Dag draw(Graph root) {
    Map<String, String> scope = new HashMap<>();
    List<Dag.Node> nodes = graph(root, "", scope);
    return new Dag(nodes, edges);
  }

  private List<Dag.Node> graph(Graph g, String prefix, Map<String, String> scope) {
    Map<String, String> fullIds = new LinkedHashMap<>();
    Map<String, String> names = new HashMap<>();
    List<String> assigned = new ArrayList<>();
    for (Node n : g.nodes()) {
      String base = prefix + n.id();
      String full = base;
      for (int k = 2; usedIds.contains(full); k++) {
        full = base + "#" + k;
      }
      usedIds.add(full);
      assigned.add(full);
      fullIds.putIfAbsent(n.id(), full);
      names.putIfAbsent(n.id(), n.displayName());
    }
    IrLabels labels = new IrLabels(scope, names);
    List<Dag.Node> out = new ArrayList<>();
    Map<String, List<String>> exitEdges = new HashMap<>();
    for (int i = 0; i < g.nodes().size(); i++) {
      Node n = g.nodes().get(i);
      String id = assigned.get(i);
      out.add(n.accept(new NodeDrawer(id, labels)));
      if (n instanceof Node.ExitHandlerNode h && h.exitTask().isPresent()) {
        exitEdges.computeIfAbsent(h.exitTask().get(), k -> new ArrayList<>()).add(n.id());
      }
    }
    for (int i = 0; i < g.nodes().size(); i++) {
      Node n = g.nodes().get(i);
      boolean first = fullIds.get(n.id()).equals(assigned.get(i));
      edgesInto(n, assigned.get(i), fullIds, first ? exitEdges.getOrDefault(n.id(), List.of()) : List.of());
    }
    return out;
  }

  private void edgesInto(Node n, String target, Map<String, String> fullIds, List<String> extraAfter) {
    Map<String, TreeSet<String>> data = new LinkedHashMap<>();
    for (InputBinding b : n.inputs()) {
      producers(b.value(), data);
    }
    Set<String> drawn = new HashSet<>();
    for (Map.Entry<String, TreeSet<String>> e : data.entrySet()) {
      String from = fullIds.get(e.getKey());
      if (from != null && !from.equals(target) && drawn.add(e.getKey())) {
        edges.add(new Dag.Edge(from, target, Dag.EdgeKind.DATA, String.join(", ", e.getValue())));
      }
    }
    List<String> after = new ArrayList<>(n.after());
    after.addAll(extraAfter);
    for (String a : after) {
      String from = fullIds.get(a);
      if (from != null && !from.equals(target) && drawn.add(a)) {
        edges.add(new Dag.Edge(from, target, Dag.EdgeKind.ORDER, ""));
      }
    }
  }

  private static void producers(Binding b, Map<String, TreeSet<String>> out) {
    if (b instanceof Binding.TaskOutput t) {
      out.computeIfAbsent(t.task(), k -> new TreeSet<>()).add(t.output());
    } else if (b instanceof Binding.TaskFinalStatus s) {
      out.computeIfAbsent(s.task(), k -> new TreeSet<>()).add("status");
    } else if (b instanceof Binding.Field f) {
      producers(f.base(), out);
    }
  }

  /** Draws one node, recursing into bodies. */
  private final class NodeDrawer implements Node.Visitor<Dag.Node> {
    private final String id;
    private final IrLabels labels;

    NodeDrawer(String id, IrLabels labels) {
      this.id = id;
      this.labels = labels;
    }

    @Override
    public Dag.Node visitTask(Node.TaskNode n) {
      String label = n.displayName();
      if (n.condition().isPresent()) {
        label += ": if " + labels.condition(n.condition().get(), n.inputs());
      }
      Dag.Kind kind = workflowComponents.contains(n.component()) ? Dag.Kind.WORKFLOW : Dag.Kind.TASK;
      return Dag.Node.leaf(id, label, kind);
    }

    @Override
    public Dag.Node visitCondition(Node.ConditionNode n) {
      String label = n.displayName() + ": if " + labels.condition(n.condition(), n.inputs());
      return new Dag.Node(id, label, Dag.Kind.CONDITION, graph(n.body(), id + "/", labels.bodyScope(n.inputs())));
    }

    @Override
    public Dag.Node visitBranches(Node.BranchesNode n) {
      String label = n.displayName() + ": if / elif / else";
      return new Dag.Node(id, label, Dag.Kind.BRANCHES, graph(n.body(), id + "/", labels.bodyScope(n.inputs())));
    }

    @Override
    public Dag.Node visitLoop(Node.LoopNode n) {
      String label = n.displayName() + ": for each item in " + labels.items(n.items(), n.inputs());
      if (n.parallelism().isPresent()) {
        label += ", " + n.parallelism().getAsInt() + " at a time";
      }
      Map<String, String> body = labels.bodyScope(n.inputs());
      body.put(n.itemInput(), "item");
      return new Dag.Node(id, label, Dag.Kind.LOOP, graph(n.body(), id + "/", body));
    }

    @Override
    public Dag.Node visitExitHandler(Node.ExitHandlerNode n) {
      String label = n.displayName() + ": exit handler";
      return new Dag.Node(id, label, Dag.Kind.EXIT_HANDLER, graph(n.body(), id + "/", labels.bodyScope(n.inputs())));
    }
  }
}
