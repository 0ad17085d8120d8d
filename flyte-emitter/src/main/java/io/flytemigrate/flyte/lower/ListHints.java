package io.flytemigrate.flyte.lower;

import io.flytemigrate.flyte.model.LiteralType;
import io.flytemigrate.ir.Binding;
import io.flytemigrate.ir.Component;
import io.flytemigrate.ir.Graph;
import io.flytemigrate.ir.InputBinding;
import io.flytemigrate.ir.IrType;
import io.flytemigrate.ir.LoopItems;
import io.flytemigrate.ir.Node;
import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.Port;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the untyped lists of KFP ({@code LIST}, a list of anything) hold, learnt from the loops
 * that iterate over them: a loop whose body reads fields of its item iterates over JSON objects
 * ({@code dict}); otherwise the item's first typed consumer says. Flyte types every list, and a
 * producer and its loop must agree, so the hint goes to the component output or pipeline
 * parameter the loop's items come from.
 */
final class ListHints {
  private final Pipeline pipeline;
  private final Map<String, LiteralType> hints = new HashMap<>();
  /** Task node id to component, over every graph (a loop may read a task output from further out). */
  private final Map<String, String> taskComponents = new HashMap<>();

  private ListHints(Pipeline pipeline) {
    this.pipeline = pipeline;
  }

  static ListHints of(Pipeline p) {
    ListHints h = new ListHints(p);
    h.index(p.root());
    for (Component c : p.components()) {
      if (c instanceof Component.PipelineComponent pc) {
        h.index(pc.graph());
      }
    }
    h.graph(p.root(), Map.of(), true);
    for (Component c : p.components()) {
      if (c instanceof Component.PipelineComponent pc) {
        h.graph(pc.graph(), Map.of(), false);
      }
    }
    return h;
  }

  /** The element type of a component's list output, if a loop says. */
  Optional<LiteralType> output(String component, String port) {
    return Optional.ofNullable(hints.get("out:" + component + ":" + port));
  }

  /** The element type of a pipeline parameter that is a list, if a loop says. */
  Optional<LiteralType> parameter(String name) {
    return Optional.ofNullable(hints.get("param:" + name));
  }

  /**
   * @param feeds how this graph's inputs are fed from outside (resolved to the outermost binding)
   * @param root whether the graph is the pipeline's root, whose inputs are the parameters
   */
  private void graph(Graph g, Map<String, Binding> feeds, boolean root) {
    for (Node n : g.nodes()) {
      if (n instanceof Node.LoopNode l) {
        loop(g, l, feeds, root);
      }
      Map<String, Binding> inner = new HashMap<>();
      for (InputBinding ib : n.inputs()) {
        inner.put(ib.input(), resolve(ib.value(), feeds));
      }
      Optional<Graph> body = body(n);
      body.ifPresent(b -> graph(b, inner, false));
    }
  }

  private void loop(Graph g, Node.LoopNode l, Map<String, Binding> feeds, boolean root) {
    if (!(l.items() instanceof LoopItems.FromInput from)) {
      return;
    }
    Optional<LiteralType> element = element(l);
    if (element.isEmpty()) {
      return;
    }
    for (InputBinding ib : l.inputs()) {
      if (!ib.input().equals(from.input())) {
        continue;
      }
      Binding source = resolve(ib.value(), feeds);
      if (source instanceof Binding.TaskOutput t) {
        Optional<String> component = g.node(t.task()).filter(Node.TaskNode.class::isInstance)
            .map(n -> ((Node.TaskNode) n).component()).or(() -> Optional.ofNullable(taskComponents.get(t.task())));
        component.ifPresent(c -> hints.putIfAbsent("out:" + c + ":" + t.output(), element.get()));
      } else if (source instanceof Binding.GraphInput gi && (root || feeds.isEmpty())) {
        hints.putIfAbsent("param:" + gi.input(), element.get());
      }
    }
  }

  private Optional<LiteralType> element(Node.LoopNode l) {
    for (Node n : l.body().nodes()) {
      for (InputBinding ib : n.inputs()) {
        if (ib.value() instanceof Binding.Field f && f.base() instanceof Binding.LoopItem li && li.loop().equals(l.id())) {
          return Optional.of(new LiteralType.Struct());
        }
      }
    }
    for (Node n : l.body().nodes()) {
      if (!(n instanceof Node.TaskNode t)) {
        continue;
      }
      for (InputBinding ib : t.inputs()) {
        if (ib.value() instanceof Binding.LoopItem li && li.loop().equals(l.id())) {
          Optional<IrType> type = pipeline.component(t.component()).flatMap(c -> c.iface().input(ib.input())).map(Port::type);
          if (type.isPresent() && !(type.get() instanceof IrType.Any) && !(type.get() instanceof IrType.Unknown)) {
            return Optional.of(Types.of(type.get(), Optional.empty(), false).type());
          }
        }
      }
    }
    return Optional.empty();
  }

  private void index(Graph g) {
    for (Node n : g.nodes()) {
      if (n instanceof Node.TaskNode t) {
        taskComponents.putIfAbsent(t.id(), t.component());
      }
      body(n).ifPresent(this::index);
    }
  }

  private static Binding resolve(Binding b, Map<String, Binding> feeds) {
    if (b instanceof Binding.GraphInput g && feeds.containsKey(g.input())) {
      return feeds.get(g.input());
    }
    return b;
  }

  private static Optional<Graph> body(Node n) {
    if (n instanceof Node.ConditionNode c) {
      return Optional.of(c.body());
    }
    if (n instanceof Node.BranchesNode b) {
      return Optional.of(b.body());
    }
    if (n instanceof Node.LoopNode l) {
      return Optional.of(l.body());
    }
    if (n instanceof Node.ExitHandlerNode e) {
      return Optional.of(e.body());
    }
    return Optional.empty();
  }

}
