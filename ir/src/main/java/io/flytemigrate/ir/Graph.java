package io.flytemigrate.ir;

import io.flytemigrate.ir.diag.Span;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A DAG of nodes with its own interface: the pipeline's root, a nested pipeline, or the body of a
 * condition, loop or exit handler. Nodes bind their inputs to this graph's inputs, to constants,
 * or to outputs of sibling nodes; outputs name what leaves the graph.
 */
public record Graph(Interface iface, List<Node> nodes, List<GraphOutput> outputs, Span span) {
  public Graph {
    Objects.requireNonNull(iface, "iface");
    nodes = List.copyOf(nodes);
    outputs = List.copyOf(outputs);
    Objects.requireNonNull(span, "span");
  }

  /** The first node with this id. A scan of the nodes: to look up many ids, keep {@link #nodesById()}. */
  public Optional<Node> node(String id) {
    return nodes.stream().filter(n -> n.id().equals(id)).findFirst();
  }

  /**
   * Every node by its id, in node order, the first node of each id where several share one (as
   * {@link #node} finds it). Built afresh on each call, in one pass: a record cannot keep an
   * index, so a caller that looks up many ids builds this once and keeps it.
   */
  public Map<String, Node> nodesById() {
    Map<String, Node> out = new LinkedHashMap<>();
    for (Node n : nodes) {
      out.putIfAbsent(n.id(), n);
    }
    return Collections.unmodifiableMap(out);
  }

  /**
   * One output of a graph and the sibling outputs it comes from.
   *
   * @param sources more than one when {@code oneOf}: the first branch that ran provides it
   * @param oneOf the output is whichever of {@code sources} was produced (if/elif/else)
   * @param collected the output gathers one value per loop iteration into a list
   */
  public record GraphOutput(String name, List<Source> sources, boolean oneOf, boolean collected, Span span) {
    public GraphOutput {
      Objects.requireNonNull(name, "name");
      sources = List.copyOf(sources);
      Objects.requireNonNull(span, "span");
    }
  }

  /** An output of a node in the graph. */
  public record Source(String task, String output) {
    public Source {
      Objects.requireNonNull(task, "task");
      Objects.requireNonNull(output, "output");
    }
  }
}
