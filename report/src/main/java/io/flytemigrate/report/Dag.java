package io.flytemigrate.report;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A pipeline as a drawing: nodes, some of which are clusters holding other nodes, and edges
 * between any two nodes. It is the neutral input of every DAG renderer ({@link Mermaid}, {@link
 * SvgDag}), for the source side ({@link IrDag} builds it from the IR) and for the Flyte side (the
 * caller builds it from what the emitter produced, e.g. Flyte node ids with their task names,
 * branch nodes as clusters; until then {@link IrDag} serves as a pass-through).
 *
 * <p>Node ids are unique in the whole drawing (not only among siblings) and are never shown; edges
 * name them. Renderers keep the given order of nodes and edges, so the caller decides it.
 *
 * @param nodes the top-level nodes, in drawing order
 * @param edges every edge, between nodes at any depth
 */
public record Dag(List<Node> nodes, List<Edge> edges) {
  /** A drawing with nothing in it. */
  public static final Dag EMPTY = new Dag(List.of(), List.of());

  public Dag {
    nodes = List.copyOf(nodes);
    edges = List.copyOf(edges);
    Set<String> ids = new HashSet<>();
    collectIds(nodes, ids);
    for (Edge e : edges) {
      if (!ids.contains(e.from()) || !ids.contains(e.to())) {
        throw new IllegalArgumentException("edge " + e.from() + " -> " + e.to() + " names a node that is not in the drawing");
      }
    }
  }

  private static void collectIds(List<Node> nodes, Set<String> ids) {
    for (Node n : nodes) {
      if (!ids.add(n.id())) {
        throw new IllegalArgumentException("node id " + n.id() + " is used twice");
      }
      collectIds(n.children(), ids);
    }
  }

  /** What a node stands for; renderers pick its shape from this. */
  public enum Kind {
    /** A unit of work: a KFP task, a Flyte task node. */
    TASK,
    /** A call of another pipeline or workflow: a nested pipeline, a Flyte sub-workflow or launch plan. */
    WORKFLOW,
    /** Runs its children when a condition holds: a KFP {@code dsl.If}, one case of a Flyte branch node. */
    CONDITION,
    /** An if/elif/else chain whose children are conditions: a Flyte branch node. */
    BRANCHES,
    /** Runs its children once per item: a KFP {@code ParallelFor}, a Flyte map task or dynamic workflow. */
    LOOP,
    /** Runs its children, then a cleanup task whatever happened: a KFP exit handler, a Flyte failure node. */
    EXIT_HANDLER,
    /** Anything else. */
    OTHER
  }

  /** Why one node waits for another. */
  public enum EdgeKind {
    /** The target consumes an output of the source (drawn solid). */
    DATA,
    /** The target only runs after the source (drawn dashed). */
    ORDER
  }

  /**
   * One node; with children it is drawn as a cluster around them.
   *
   * @param id unique in the drawing; never shown
   * @param label what the reader sees, e.g. the task name; renderers shorten long labels
   */
  public record Node(String id, String label, Kind kind, List<Node> children) {
    public Node {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(kind, "kind");
      children = List.copyOf(children);
    }

    /** A node without children. */
    public static Node leaf(String id, String label, Kind kind) {
      return new Node(id, label, kind, List.of());
    }

    /** Whether renderers draw this node as a cluster. */
    public boolean isCluster() {
      return !children.isEmpty();
    }
  }

  /**
   * An edge between two nodes at any depth.
   *
   * @param label a short text drawn on the edge, e.g. the output it carries; empty for none
   */
  public record Edge(String from, String to, EdgeKind kind, String label) {
    public Edge {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(label, "label");
    }
  }
}
