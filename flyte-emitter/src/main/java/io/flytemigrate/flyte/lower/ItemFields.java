package io.flytemigrate.flyte.lower;

import io.flytemigrate.ir.Binding;
import io.flytemigrate.ir.Component;
import io.flytemigrate.ir.Graph;
import io.flytemigrate.ir.InputBinding;
import io.flytemigrate.ir.Interface;
import io.flytemigrate.ir.IrType;
import io.flytemigrate.ir.LoopItems;
import io.flytemigrate.ir.Node;
import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.Port;
import io.flytemigrate.ir.diag.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An IR-to-IR rewrite before lowering: a body that reads a field of one of its inputs
 * ({@code item["a"]}, where the input is fed by a loop item further out) gets the field itself
 * as a new input instead, fed by the control node around it, level by level, until the field is
 * read straight off the loop item. Flyte 1 bindings cannot select fields of a value, but the
 * dynamic task that runs a loop body can ({@code item["a"]}), so every field ends up there.
 */
final class ItemFields {
  private final Pipeline pipeline;
  private final IrIndex index;

  private ItemFields(Pipeline pipeline) {
    this.pipeline = pipeline;
    this.index = new IrIndex(pipeline);
  }

  static Pipeline lift(Pipeline p) {
    ItemFields f = new ItemFields(p);
    List<Component> components = new ArrayList<>();
    for (Component c : p.components()) {
      components.add(c instanceof Component.PipelineComponent pc
          ? new Component.PipelineComponent(pc.id(), pc.description(), f.graph(pc.graph()), pc.span())
          : c);
    }
    return new Pipeline(p.name(), p.displayName(), p.description(), p.source(), components, f.graph(p.root()),
        p.platform(), p.span());
  }

  /** The graph with every control node's body lifted (the graph's own fields are its parent's business). */
  private Graph graph(Graph g) {
    List<Node> nodes = new ArrayList<>();
    for (Node n : g.nodes()) {
      nodes.add(node(n));
    }
    return new Graph(g.iface(), nodes, g.outputs(), g.span());
  }

  private Node node(Node n) {
    if (n instanceof Node.ConditionNode c) {
      Lifted l = lifted(graph(c.body()), c.inputs());
      return new Node.ConditionNode(c.id(), c.displayName(), l.inputs(), c.after(), c.condition(), l.body(), c.span());
    }
    if (n instanceof Node.BranchesNode b) {
      Lifted l = lifted(graph(b.body()), b.inputs());
      return new Node.BranchesNode(b.id(), b.displayName(), l.inputs(), b.after(), l.body(), b.span());
    }
    if (n instanceof Node.LoopNode l) {
      Lifted x = lifted(graph(l.body()), l.inputs());
      return new Node.LoopNode(l.id(), l.displayName(), x.inputs(), l.after(), l.items(), l.itemInput(), l.parallelism(),
          x.body(), l.span());
    }
    if (n instanceof Node.ExitHandlerNode e) {
      Lifted l = lifted(graph(e.body()), e.inputs());
      return new Node.ExitHandlerNode(e.id(), e.displayName(), l.inputs(), e.after(), l.body(), e.exitTask(), e.span());
    }
    return n;
  }

  private record Lifted(Graph body, List<InputBinding> inputs) {}

  /** Replaces {@code Field(GraphInput(x), path)} in the body by a new body input the control node feeds. */
  private Lifted lifted(Graph body, List<InputBinding> controlInputs) {
    List<InputBinding> control = new ArrayList<>(controlInputs);
    List<Port> ports = new ArrayList<>(body.iface().inputs());
    List<Node> nodes = new ArrayList<>();
    for (Node n : body.nodes()) {
      List<InputBinding> inputs = new ArrayList<>();
      boolean changed = false;
      for (InputBinding ib : n.inputs()) {
        if (ib.value() instanceof Binding.Field f && f.base() instanceof Binding.GraphInput g) {
          Optional<InputBinding> feed = control.stream().filter(c -> c.input().equals(g.input())).findFirst();
          if (feed.isPresent()) {
            String name = g.input() + "-subvar-" + String.join("-", f.path());
            if (control.stream().noneMatch(c -> c.input().equals(name))) {
              Binding outer = feed.get().value() instanceof Binding.Field of
                  ? new Binding.Field(of.base(), concat(of.path(), f.path()), f.raw())
                  : new Binding.Field(feed.get().value(), f.path(), f.raw());
              control.add(new InputBinding(name, outer, ib.span()));
              ports.add(new Port(name, typeOf(n, ib.input()), false, false, Optional.empty(), Optional.empty(), Span.NONE));
            }
            inputs.add(new InputBinding(ib.input(), new Binding.GraphInput(name), ib.span()));
            changed = true;
            continue;
          }
        }
        inputs.add(ib);
      }
      nodes.add(changed ? withInputs(n, inputs) : n);
    }
    Graph g = new Graph(new Interface(ports, body.iface().outputs()), nodes, body.outputs(), body.span());
    return new Lifted(g, control);
  }

  private IrType typeOf(Node n, String input) {
    if (n instanceof Node.LoopNode l && l.items() instanceof LoopItems.FromInput fi && fi.input().equals(input)) {
      return new IrType.ListOf(new IrType.Any());
    }
    Optional<Port> port = Optional.empty();
    if (n instanceof Node.TaskNode t) {
      port = index.component(t.component()).flatMap(c -> c.iface().input(input));
    } else if (n instanceof Node.ConditionNode c) {
      port = c.body().iface().input(input);
    } else if (n instanceof Node.LoopNode l) {
      port = l.body().iface().input(input);
    } else if (n instanceof Node.BranchesNode b) {
      port = b.body().iface().input(input);
    } else if (n instanceof Node.ExitHandlerNode e) {
      port = e.body().iface().input(input);
    }
    return port.map(Port::type).orElse(IrType.primitive(IrType.Scalar.STRING));
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  /** The same node with other input bindings; ItemTexts rebinds nodes the same way. */
  static Node withInputs(Node n, List<InputBinding> inputs) {
    if (n instanceof Node.TaskNode t) {
      return new Node.TaskNode(t.id(), t.displayName(), t.component(), inputs, t.after(), t.settings(), t.condition(), t.span());
    }
    if (n instanceof Node.ConditionNode c) {
      return new Node.ConditionNode(c.id(), c.displayName(), inputs, c.after(), c.condition(), c.body(), c.span());
    }
    if (n instanceof Node.BranchesNode b) {
      return new Node.BranchesNode(b.id(), b.displayName(), inputs, b.after(), b.body(), b.span());
    }
    if (n instanceof Node.LoopNode l) {
      return new Node.LoopNode(l.id(), l.displayName(), inputs, l.after(), l.items(), l.itemInput(), l.parallelism(),
          l.body(), l.span());
    }
    Node.ExitHandlerNode e = (Node.ExitHandlerNode) n;
    return new Node.ExitHandlerNode(e.id(), e.displayName(), inputs, e.after(), e.body(), e.exitTask(), e.span());
  }
}
