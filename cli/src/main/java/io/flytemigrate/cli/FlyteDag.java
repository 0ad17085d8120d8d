package io.flytemigrate.cli;

import io.flytemigrate.flyte.model.Binding;
import io.flytemigrate.flyte.model.BindingData;
import io.flytemigrate.flyte.model.BooleanExpression;
import io.flytemigrate.flyte.model.FlyteProject;
import io.flytemigrate.flyte.model.Identifier;
import io.flytemigrate.flyte.model.IfElseBlock;
import io.flytemigrate.flyte.model.Literal;
import io.flytemigrate.flyte.model.Node;
import io.flytemigrate.flyte.model.NodeTarget;
import io.flytemigrate.flyte.model.TaskBody;
import io.flytemigrate.flyte.model.TaskDef;
import io.flytemigrate.flyte.model.TaskKind;
import io.flytemigrate.flyte.model.WorkflowDef;
import io.flytemigrate.report.Dag;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Draws what the Flyte emitter produced as a {@link Dag}, for the Flyte side of the reports and
 * {@code graph --side flyte}: the pipeline workflow's nodes by their Flyte node ids, with what
 * they run.
 *
 * <ul>
 *   <li>A task node is a task, labelled with its node id and, when it differs, the task's Python
 *       name; flytekit's {@code Echo} (the no-op else) is drawn as {@link Dag.Kind#OTHER}.
 *   <li>A {@code @dynamic} loop task is a loop cluster around the nodes of the body workflow it
 *       runs once per item; an array node ({@code map_task}) is a loop cluster around its sub-node.
 *   <li>A branch node ({@code conditional}) is a cluster with one condition cluster per case
 *       ({@code if}, {@code elif}, {@code else}); a case whose node calls a body workflow shows
 *       that workflow's nodes, so the extra workflow does not add a level to the drawing.
 *   <li>A call of a body workflow (an exit handler's) is a cluster around its nodes; a failure
 *       node ({@code on_failure}) is an exit-handler cluster, inside the workflow it belongs to,
 *       around the nodes of its handler workflow.
 *   <li>A call of a nested pipeline's workflow or of a launch plan is a leaf, as the source side
 *       draws nested pipelines.
 * </ul>
 *
 * <p>Edges join nodes of one workflow: solid, labelled with the output variables, when the target
 * (or, for a branch node, a node one of its cases runs) binds an output of the source; dashed when
 * it only lists the source among its upstream nodes.
 * Workflow inputs are not drawn. Drawing ids are the paths of Flyte node ids from the pipeline
 * workflow, joined by {@code /}, so they are stable between runs.
 */
public final class FlyteDag {
  private final Map<Identifier, TaskDef> tasks = new HashMap<>();
  private final Map<Identifier, WorkflowDef> workflows = new HashMap<>();
  private final Set<String> usedIds = new HashSet<>();
  private final Deque<Identifier> expanding = new ArrayDeque<>();
  private final List<Dag.Edge> edges = new ArrayList<>();

  private FlyteDag(FlyteProject project) {
    for (TaskDef t : project.tasks()) {
      tasks.putIfAbsent(t.id(), t);
    }
    for (WorkflowDef w : project.workflows()) {
      workflows.putIfAbsent(w.id(), w);
    }
  }

  /** The pipeline workflow of {@code p}, with the workflows it calls drawn as clusters. */
  public static Dag of(FlyteProject p) {
    FlyteDag d = new FlyteDag(p);
    WorkflowDef root = p.pipelineWorkflow();
    d.expanding.push(root.id());
    List<Dag.Node> nodes = d.workflowNodes(root, "");
    return new Dag(nodes, d.edges);
  }

  /** The nodes of {@code wf} (its failure node last), and the edges between them. */
  private List<Dag.Node> workflowNodes(WorkflowDef wf, String prefix) {
    Map<String, String> ids = new LinkedHashMap<>();
    List<Dag.Node> out = new ArrayList<>();
    for (Node n : wf.nodes()) {
      String id = claim(prefix + n.id());
      ids.putIfAbsent(n.id(), id);
      out.add(draw(n, id));
    }
    for (Node n : wf.nodes()) {
      edgesInto(n, ids);
    }
    wf.failureNode().ifPresent(f -> out.add(failureNode(f, claim(prefix + f.id()))));
    return out;
  }

  private void edgesInto(Node n, Map<String, String> ids) {
    String target = ids.get(n.id());
    Map<String, TreeSet<String>> data = new TreeMap<>();
    for (Binding b : bindings(n)) {
      promises(b.data(), data);
    }
    Set<String> sources = new TreeSet<>(n.upstreamNodeIds());
    sources.addAll(data.keySet());
    for (String s : sources) {
      String from = ids.get(s);
      if (from == null || from.equals(target)) {
        continue;
      }
      TreeSet<String> vars = data.get(s);
      edges.add(vars == null
          ? new Dag.Edge(from, target, Dag.EdgeKind.ORDER, "")
          : new Dag.Edge(from, target, Dag.EdgeKind.DATA, String.join(", ", vars)));
    }
  }

  /**
   * The bindings of a node and, for a branch node, of the nodes its cases run: they read outputs
   * of the branch node's siblings too, which is why those are its upstream nodes.
   */
  private static List<Binding> bindings(Node n) {
    if (!(n.target() instanceof NodeTarget.Branch b)) {
      return n.inputs();
    }
    List<Binding> out = new ArrayList<>(n.inputs());
    IfElseBlock block = b.ifElse();
    out.addAll(bindings(block.first().thenNode()));
    for (IfElseBlock.IfBlock c : block.others()) {
      out.addAll(bindings(c.thenNode()));
    }
    block.elseNode().ifPresent(e -> out.addAll(bindings(e)));
    return out;
  }

  private static void promises(BindingData d, Map<String, TreeSet<String>> out) {
    if (d instanceof BindingData.Promise p) {
      if (!p.isWorkflowInput()) {
        out.computeIfAbsent(p.nodeId(), k -> new TreeSet<>()).add(p.var());
      }
    } else if (d instanceof BindingData.CollectionOf c) {
      c.items().forEach(i -> promises(i, out));
    } else if (d instanceof BindingData.MapOf m) {
      m.entries().forEach(e -> promises(e.value(), out));
    }
  }

  /** One node of a workflow, recursing into what it runs. */
  private Dag.Node draw(Node n, String id) {
    NodeTarget t = n.target();
    if (t instanceof NodeTarget.TaskCall c) {
      return taskNode(n, c, id);
    }
    if (t instanceof NodeTarget.SubWorkflowCall c) {
      return workflowCall(n, c.workflow(), id);
    }
    if (t instanceof NodeTarget.LaunchPlanCall c) {
      return Dag.Node.leaf(id, label(n.id(), c.launchPlan().shortName()), Dag.Kind.WORKFLOW);
    }
    if (t instanceof NodeTarget.Branch b) {
      return branch(n, b.ifElse(), id);
    }
    if (t instanceof NodeTarget.ArrayCall a) {
      String what = n.id() + ": map_task(" + targetName(a.subNode().target()) + ")"
          + (a.parallelism().isPresent() ? ", concurrency=" + a.parallelism().getAsInt() : "");
      return new Dag.Node(id, what, Dag.Kind.LOOP, List.of(draw(a.subNode(), claim(id + "/" + a.subNode().id()))));
    }
    throw new AssertionError(t);
  }

  private Dag.Node taskNode(Node n, NodeTarget.TaskCall c, String id) {
    Optional<TaskDef> task = Optional.ofNullable(tasks.get(c.task()));
    String name = task.map(d -> d.python().name()).orElse(c.task().shortName());
    if (task.isPresent() && task.get().body() instanceof TaskBody.DynamicLoop loop) {
      String what = n.id() + ": @dynamic " + name + ", once per item";
      Optional<WorkflowDef> body = expandable(loop.body());
      if (body.isEmpty()) {
        return Dag.Node.leaf(id, what, Dag.Kind.LOOP);
      }
      return new Dag.Node(id, what, Dag.Kind.LOOP, inside(body.get(), id + "/"));
    }
    boolean echo = task.isPresent() && task.get().kind() == TaskKind.ECHO;
    return Dag.Node.leaf(id, label(n.id(), name), echo ? Dag.Kind.OTHER : Dag.Kind.TASK);
  }

  private Dag.Node workflowCall(Node n, Identifier workflow, String id) {
    Optional<WorkflowDef> wf = Optional.ofNullable(workflows.get(workflow));
    String name = wf.map(w -> w.python().name()).orElse(workflow.shortName());
    Optional<WorkflowDef> body = wf.filter(w -> w.role() != WorkflowDef.Role.NESTED_PIPELINE).flatMap(w -> expandable(w.id()));
    if (body.isEmpty()) {
      return Dag.Node.leaf(id, label(n.id(), name), Dag.Kind.WORKFLOW);
    }
    String what = n.id() + ": workflow " + name;
    return new Dag.Node(id, what, Dag.Kind.WORKFLOW, inside(body.get(), id + "/"));
  }

  private Dag.Node failureNode(Node f, String id) {
    String what = "on failure: " + targetName(f.target());
    if (f.target() instanceof NodeTarget.SubWorkflowCall c) {
      Optional<WorkflowDef> handler = expandable(c.workflow());
      if (handler.isPresent()) {
        return new Dag.Node(id, what, Dag.Kind.EXIT_HANDLER, inside(handler.get(), id + "/"));
      }
    }
    return new Dag.Node(id, what, Dag.Kind.EXIT_HANDLER, List.of(draw(f, claim(id + "/" + f.id()))));
  }

  private Dag.Node branch(Node n, IfElseBlock block, String id) {
    String name = n.metadata().name().isEmpty() ? n.id() : n.metadata().name();
    List<Dag.Node> cases = new ArrayList<>();
    Map<String, String> operands = operands(n);
    cases.add(branchCase(id, "if " + condition(block.first().condition(), operands), block.first().thenNode()));
    for (IfElseBlock.IfBlock b : block.others()) {
      cases.add(branchCase(id, "elif " + condition(b.condition(), operands), b.thenNode()));
    }
    if (block.elseNode().isPresent()) {
      cases.add(branchCase(id, "else", block.elseNode().get()));
    } else {
      String message = block.error().map(IfElseBlock.BranchError::message).orElse("");
      cases.add(Dag.Node.leaf(claim(id + "/else"), "else: fail" + (message.isEmpty() ? "" : ": " + message), Dag.Kind.OTHER));
    }
    String what = name.equals(n.id()) ? n.id() + ": conditional" : n.id() + ": conditional(\"" + name + "\")";
    return new Dag.Node(id, what, Dag.Kind.BRANCHES, cases);
  }

  /** One case of a branch node: a condition cluster around what the case runs. */
  private Dag.Node branchCase(String branchId, String when, Node then) {
    String caseId = claim(branchId + "/" + when.split(" ", 2)[0]);
    if (then.target() instanceof NodeTarget.SubWorkflowCall c) {
      Optional<WorkflowDef> body = Optional.ofNullable(workflows.get(c.workflow()))
          .filter(w -> w.role() != WorkflowDef.Role.NESTED_PIPELINE)
          .flatMap(w -> expandable(w.id()));
      if (body.isPresent() && !body.get().nodes().isEmpty()) {
        return new Dag.Node(caseId, when + ": " + body.get().python().name(), Dag.Kind.CONDITION,
            inside(body.get(), caseId + "/"));
      }
    }
    return new Dag.Node(caseId, when, Dag.Kind.CONDITION, List.of(draw(then, claim(caseId + "/" + then.id()))));
  }

  /** The nodes of a workflow drawn inside a cluster; a workflow being drawn already is not entered again. */
  private List<Dag.Node> inside(WorkflowDef wf, String prefix) {
    expanding.push(wf.id());
    try {
      return workflowNodes(wf, prefix);
    } finally {
      expanding.pop();
    }
  }

  /** The workflow, if it exists, has something to draw and is not already being drawn (a cycle). */
  private Optional<WorkflowDef> expandable(Identifier id) {
    return Optional.ofNullable(workflows.get(id))
        .filter(w -> !w.nodes().isEmpty() || w.failureNode().isPresent())
        .filter(w -> !expanding.contains(w.id()));
  }

  /** What a node calls, by its Python name. */
  private String targetName(NodeTarget t) {
    if (t instanceof NodeTarget.TaskCall c) {
      return Optional.ofNullable(tasks.get(c.task())).map(d -> d.python().name()).orElse(c.task().shortName());
    }
    if (t instanceof NodeTarget.SubWorkflowCall c) {
      return Optional.ofNullable(workflows.get(c.workflow())).map(w -> w.python().name()).orElse(c.workflow().shortName());
    }
    if (t instanceof NodeTarget.LaunchPlanCall c) {
      return c.launchPlan().shortName();
    }
    if (t instanceof NodeTarget.ArrayCall a) {
      return "map_task(" + targetName(a.subNode().target()) + ")";
    }
    return "conditional";
  }

  /** {@code node-id}, or {@code node-id (python_name)} when the name says more than the id. */
  private static String label(String nodeId, String name) {
    String plain = nodeId.replace('-', '_').toLowerCase(Locale.ROOT);
    return plain.equals(name.toLowerCase(Locale.ROOT)) ? nodeId : nodeId + " (" + name + ")";
  }

  /** What each condition operand of a branch node reads: {@code node.var}, an input's name or a constant. */
  private static Map<String, String> operands(Node n) {
    Map<String, String> out = new HashMap<>();
    for (Binding b : n.inputs()) {
      out.put(b.var(), value(b.data()));
    }
    return out;
  }

  private static String value(BindingData d) {
    if (d instanceof BindingData.Promise p) {
      return p.isWorkflowInput() ? p.var() : p.nodeId() + "." + p.var();
    }
    if (d instanceof BindingData.Static s) {
      return literal(s.value());
    }
    return "(value)";
  }

  /** A condition in Python's words; a conjunction inside another is parenthesised. */
  private static String condition(BooleanExpression e, Map<String, String> operands) {
    if (e instanceof BooleanExpression.Comparison c) {
      return operand(c.left(), operands) + " " + c.op().symbol() + " " + operand(c.right(), operands);
    }
    BooleanExpression.Conjunction j = (BooleanExpression.Conjunction) e;
    String word = j.op() == BooleanExpression.ConjunctionOp.AND ? " and " : " or ";
    return part(j.left(), operands) + word + part(j.right(), operands);
  }

  private static String part(BooleanExpression e, Map<String, String> operands) {
    String text = condition(e, operands);
    return e instanceof BooleanExpression.Conjunction ? "(" + text + ")" : text;
  }

  private static String operand(BooleanExpression.Operand o, Map<String, String> operands) {
    if (o instanceof BooleanExpression.Operand.Var v) {
      return operands.getOrDefault(v.var(), v.var());
    }
    return literal(((BooleanExpression.Operand.Primitive) o).value());
  }

  private static String literal(Literal l) {
    if (l instanceof Literal.StringValue s) {
      return "\"" + s.value() + "\"";
    }
    if (l instanceof Literal.IntValue i) {
      return Long.toString(i.value());
    }
    if (l instanceof Literal.FloatValue f) {
      return Double.toString(f.value());
    }
    if (l instanceof Literal.BoolValue b) {
      return b.value() ? "True" : "False";
    }
    if (l instanceof Literal.NoneValue) {
      return "None";
    }
    return "(value)";
  }

  /** A drawing id not used yet: {@code base}, else {@code base#2}, {@code base#3}, ... */
  private String claim(String base) {
    String id = base;
    for (int k = 2; !usedIds.add(id); k++) {
      id = base + "#" + k;
    }
    return id;
  }
}
