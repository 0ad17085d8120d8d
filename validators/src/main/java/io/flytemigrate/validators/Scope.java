package io.flytemigrate.validators;

import io.flytemigrate.ir.Component;
import io.flytemigrate.ir.Graph;
import io.flytemigrate.ir.InputBinding;
import io.flytemigrate.ir.Node;
import io.flytemigrate.ir.Pipeline;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One graph as the checks see it: the graph itself, the node whose body it is (if any) and the
 * scope around that node. Names in a graph resolve here: a {@code TaskOutput} names a node of
 * this graph, a {@code GraphInput} an input of its interface, a {@code LoopItem} an enclosing
 * loop.
 *
 * <p>The root graph and every nested pipeline start a <em>namespace</em>: they become Flyte
 * workflows of their own. The bodies of conditions, loops and exit handlers stay in the namespace
 * of the graph around them, because an emitter may flatten them into that workflow.
 *
 * <p>Scopes compare by identity: they are views of graphs, and two equal graphs in different
 * places are different scopes. A scope gives each node's body one scope ({@link #body}), so the
 * scopes of {@link #all} are the ones later lookups reach.
 *
 * <p>A scope indexes its graph's nodes by id and outputs by name when first asked, because the
 * checks look names up for every binding and edge; a scan per lookup made them quadratic in the
 * size of a graph. Scopes are made afresh by each check run and not shared between threads.
 */
public final class Scope {
  private final Graph graph;
  private final Kind kind;
  private final String componentId;
  private final Optional<Node> owner;
  private final Optional<Scope> parent;
  private Map<String, Node> nodesById;
  private Map<String, Graph.GraphOutput> outputsByName;
  private Map<String, InputBinding> ownerBindings;
  private final Map<Node, Scope> bodies = new IdentityHashMap<>();

  private Scope(Graph graph, Kind kind, String componentId, Optional<Node> owner, Optional<Scope> parent) {
    this.graph = graph;
    this.kind = kind;
    this.componentId = componentId;
    this.owner = owner;
    this.parent = parent;
  }

  /** What kind of graph this is. */
  public enum Kind {
    /** The pipeline's root graph. */
    ROOT,
    /** The graph of a {@link Component.PipelineComponent}. */
    PIPELINE_COMPONENT,
    /** The body of a {@link Node.ConditionNode}. */
    CONDITION,
    /** The body of a {@link Node.BranchesNode}: one condition node per branch. */
    BRANCHES,
    /** The body of a {@link Node.LoopNode}, run once per item. */
    LOOP,
    /** The body of a {@link Node.ExitHandlerNode}. */
    EXIT_HANDLER;

    /** Whether this is the body of a control-flow node rather than a workflow of its own. */
    public boolean isBody() {
      return this != ROOT && this != PIPELINE_COMPONENT;
    }
  }

  /**
   * Every graph of {@code pipeline} in a fixed order: the root and its bodies depth-first in
   * source order, then each nested pipeline (in component order) with its bodies.
   */
  public static List<Scope> all(Pipeline pipeline) {
    List<Scope> out = new ArrayList<>();
    addWithBodies(top(pipeline.root(), Kind.ROOT, ""), out);
    for (Component c : pipeline.components()) {
      if (c instanceof Component.PipelineComponent p) {
        addWithBodies(top(p.graph(), Kind.PIPELINE_COMPONENT, p.id()), out);
      }
    }
    return out;
  }

  /** Only the namespaces: the root and each nested pipeline, in the order of {@link #all}. */
  public static List<Scope> namespaces(Pipeline pipeline) {
    return all(pipeline).stream().filter(s -> !s.kind().isBody()).toList();
  }

  private static Scope top(Graph g, Kind kind, String componentId) {
    return new Scope(g, kind, componentId, Optional.empty(), Optional.empty());
  }

  public Graph graph() {
    return graph;
  }

  public Kind kind() {
    return kind;
  }

  /** The condition, branches, loop or exit handler node whose body this is. */
  public Optional<Node> owner() {
    return owner;
  }

  /** The scope that holds {@link #owner()}. */
  public Optional<Scope> parent() {
    return parent;
  }

  private static void addWithBodies(Scope s, List<Scope> out) {
    out.add(s);
    for (Node n : s.graph().nodes()) {
      s.body(n).ifPresent(b -> addWithBodies(b, out));
    }
  }

  /**
   * The scope of {@code node}'s body, when {@code node} (a node of this graph) has one: the same
   * scope each time for the same node.
   */
  public Optional<Scope> body(Node node) {
    Scope known = bodies.get(node);
    if (known != null) {
      return Optional.of(known);
    }
    Optional<Scope> made = newBody(node);
    made.ifPresent(b -> bodies.put(node, b));
    return made;
  }

  private Optional<Scope> newBody(Node node) {
    if (node instanceof Node.ConditionNode c) {
      return Optional.of(child(c.body(), Kind.CONDITION, node));
    }
    if (node instanceof Node.BranchesNode b) {
      return Optional.of(child(b.body(), Kind.BRANCHES, node));
    }
    if (node instanceof Node.LoopNode l) {
      return Optional.of(child(l.body(), Kind.LOOP, node));
    }
    if (node instanceof Node.ExitHandlerNode e) {
      return Optional.of(child(e.body(), Kind.EXIT_HANDLER, node));
    }
    return Optional.empty();
  }

  private Scope child(Graph body, Kind bodyKind, Node node) {
    return new Scope(body, bodyKind, componentId, Optional.of(node), Optional.of(this));
  }

  /** The root or nested-pipeline scope whose node ids this graph's node ids share. */
  public Scope namespace() {
    Scope s = this;
    while (s.kind.isBody()) {
      s = s.parent.orElseThrow();
    }
    return s;
  }

  /** The node of this graph with this id, the first one if there are several. */
  public Optional<Node> node(String id) {
    if (nodesById == null) {
      nodesById = graph.nodesById();
    }
    return Optional.ofNullable(nodesById.get(id));
  }

  /** The output of this graph with this name, the first one if there are several. */
  public Optional<Graph.GraphOutput> output(String name) {
    if (outputsByName == null) {
      Map<String, Graph.GraphOutput> byName = new LinkedHashMap<>();
      for (Graph.GraphOutput o : graph.outputs()) {
        byName.putIfAbsent(o.name(), o);
      }
      outputsByName = byName;
    }
    return Optional.ofNullable(outputsByName.get(name));
  }

  /**
   * The binding the owner of this body gives its input {@code input}, the first one if there are
   * several: {@link #binding} of {@link #owner()}, indexed, since every value a body reads from
   * outside passes through one. Empty for the root and nested pipelines, which have no owner.
   */
  public Optional<InputBinding> ownerBinding(String input) {
    if (owner.isEmpty()) {
      return Optional.empty();
    }
    if (ownerBindings == null) {
      Map<String, InputBinding> byInput = new LinkedHashMap<>();
      for (InputBinding b : owner.get().inputs()) {
        byInput.putIfAbsent(b.input(), b);
      }
      ownerBindings = byInput;
    }
    return Optional.ofNullable(ownerBindings.get(input));
  }

  /** The binding {@code node} gives its input {@code input}, the first one if there are several. */
  public static Optional<InputBinding> binding(Node node, String input) {
    return node.inputs().stream().filter(b -> b.input().equals(input)).findFirst();
  }

  /**
   * The body scope of the loop {@code loopId} that encloses this graph, looking outwards through
   * bodies but not past the namespace (a nested pipeline cannot see its caller's loop).
   */
  public Optional<Scope> enclosingLoop(String loopId) {
    Scope s = this;
    while (s.kind().isBody()) {
      if (s.kind() == Kind.LOOP && s.owner().orElseThrow().id().equals(loopId)) {
        return Optional.of(s);
      }
      s = s.parent().orElseThrow();
    }
    return Optional.empty();
  }

  /** How messages name this graph: {@code the pipeline}, {@code pipeline `comp-x`}, {@code loop `for-loop-1`}. */
  public String describe() {
    return switch (kind) {
      case ROOT -> "the pipeline";
      case PIPELINE_COMPONENT -> "pipeline `" + componentId + "`";
      default -> NodeKind.of(owner.orElseThrow()).describe(owner.orElseThrow().id());
    };
  }

  /** The id of the nested pipeline this graph belongs to; empty for the root's namespace. */
  public String componentId() {
    return componentId;
  }

  @Override
  public String toString() {
    return describe();
  }
}
