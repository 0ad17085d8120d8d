package io.flytemigrate.flyteproto.verify;

import io.flytemigrate.ir.Component;
import io.flytemigrate.ir.Graph;
import io.flytemigrate.ir.Node;
import io.flytemigrate.ir.Pipeline;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The source pipeline's lookups by id, each built once: its components, and the nodes of each of
 * its graphs (the IR's own lookups scan a list, which every binding and edge of a large graph
 * would repeat). The first of several equal ids wins, as in those scans.
 */
final class SourceIndex {
  private final Pipeline pipeline;
  private Map<String, Component> components;
  private final Map<Graph, Map<String, Node>> nodes = new IdentityHashMap<>();

  SourceIndex(Pipeline pipeline) {
    this.pipeline = pipeline;
  }

  /** The component with this id, like {@link Pipeline#component}. */
  Optional<Component> component(String id) {
    if (components == null) {
      components = new HashMap<>();
      for (Component c : pipeline.components()) {
        components.putIfAbsent(c.id(), c);
      }
    }
    return Optional.ofNullable(components.get(id));
  }

  /** The node of {@code graph} with this id, like {@link Graph#node}. */
  Optional<Node> node(Graph graph, String id) {
    Map<String, Node> byId = nodes.computeIfAbsent(graph, g -> {
      Map<String, Node> m = new HashMap<>();
      for (Node n : g.nodes()) {
        m.putIfAbsent(n.id(), n);
      }
      return m;
    });
    return Optional.ofNullable(byId.get(id));
  }
}
