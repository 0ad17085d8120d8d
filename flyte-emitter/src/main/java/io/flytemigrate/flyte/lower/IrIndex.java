package io.flytemigrate.flyte.lower;

import io.flytemigrate.ir.Component;
import io.flytemigrate.ir.Graph;
import io.flytemigrate.ir.Node;
import io.flytemigrate.ir.Pipeline;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One pipeline's components by id, and each graph's nodes by id, for the passes that look them
 * up once per binding: {@link Pipeline#component} and {@link Graph#node} scan their lists on every
 * call, which makes a pass over a long chain quadratic. Answers what those methods answer (the
 * first of equal ids); a graph's table is built on its first lookup.
 */
final class IrIndex {
  private final Map<String, Component> components = new HashMap<>();
  private final Map<Graph, Map<String, Node>> nodes = new IdentityHashMap<>();

  IrIndex(Pipeline pipeline) {
    for (Component c : pipeline.components()) {
      components.putIfAbsent(c.id(), c);
    }
  }

  /** As {@link Pipeline#component}. */
  Optional<Component> component(String id) {
    return Optional.ofNullable(components.get(id));
  }

  /** As {@link Graph#node}. */
  Optional<Node> node(Graph graph, String id) {
    Map<String, Node> byId = nodes.computeIfAbsent(graph, Graph::nodesById);
    return Optional.ofNullable(byId.get(id));
  }
}
