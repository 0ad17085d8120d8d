package io.flytemigrate.flyteproto.verify;

import io.flytemigrate.ir.Graph;
import io.flytemigrate.ir.Node;
import java.util.Optional;

/**
 * A graph of the source pipeline where a walk from the root finds it: the root graph, the body of
 * a condition, loop or exit handler, or a nested pipeline's graph as one task node calls it. The
 * owner's input bindings feed the graph's inputs.
 */
final class SourceScope {
  final Graph graph;
  final Optional<Node> owner;
  final Optional<SourceScope> parent;
  final String key;

  private SourceScope(Graph graph, Optional<Node> owner, Optional<SourceScope> parent, String key) {
    this.graph = graph;
    this.owner = owner;
    this.parent = parent;
    this.key = key;
  }

  static SourceScope root(Graph root) {
    return new SourceScope(root, Optional.empty(), Optional.empty(), "");
  }

  /** The body of {@code owner}, a node of this graph (or the graph of the pipeline it calls). */
  SourceScope inner(Node owner, Graph body) {
    return new SourceScope(body, Optional.of(owner), Optional.of(this), key + "/" + owner.id());
  }

  /** The key of a node of this graph. */
  String keyOf(Node n) {
    return key + "/" + n.id();
  }

  /** The loop with this id among this graph's owners. */
  Optional<SourceScope> loopScope(String loop) {
    SourceScope s = this;
    while (s != null) {
      if (s.owner.isPresent() && s.owner.get() instanceof Node.LoopNode l && l.id().equals(loop)) {
        return Optional.of(s);
      }
      s = s.parent.orElse(null);
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return key.isEmpty() ? "<root>" : key;
  }
}
