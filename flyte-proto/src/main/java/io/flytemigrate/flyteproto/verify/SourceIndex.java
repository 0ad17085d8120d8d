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
  private final Map<Graph, Integer> nesting = new IdentityHashMap<>();

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

  /**
   * How many steps a trace of this pipeline may take: enough for every workflow boundary the
   * package of a pipeline this deep can have (a source level becomes at most two, each two
   * steps for a trace, plus bindings nested in lists and maps), and few enough that a package
   * nested far deeper than its source, which no translation writes, cannot exhaust the stack.
   */
  int traceLimit() {
    return 64 + 8 * nesting(pipeline.root());
  }

  /** Levels of graphs nested in {@code g}: condition, loop and exit-handler bodies and nested pipelines. */
  private int nesting(Graph g) {
    Integer known = nesting.get(g);
    if (known != null) {
      return known;
    }
    nesting.put(g, 0); // (a pipeline that contains itself counts once)
    int deepest = 0;
    for (Node n : g.nodes()) {
      Graph inner = SourceTrace.body(n);
      if (inner == null && n instanceof Node.TaskNode t
          && component(t.component()).orElse(null) instanceof Component.PipelineComponent pc) {
        inner = pc.graph();
      }
      if (inner != null) {
        deepest = Math.max(deepest, 1 + nesting(inner));
      }
    }
    nesting.put(g, deepest);
    return deepest;
  }

  /** The node of {@code graph} with this id, like {@link Graph#node}. */
  Optional<Node> node(Graph graph, String id) {
    Map<String, Node> byId = nodes.computeIfAbsent(graph, Graph::nodesById);
    return Optional.ofNullable(byId.get(id));
  }
}
