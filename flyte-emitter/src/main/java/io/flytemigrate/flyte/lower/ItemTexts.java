package io.flytemigrate.flyte.lower;

import io.flytemigrate.flyte.model.LiteralType;
import io.flytemigrate.ir.Binding;
import io.flytemigrate.ir.Component;
import io.flytemigrate.ir.Condition;
import io.flytemigrate.ir.Expr;
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
import java.util.Set;
import java.util.TreeSet;

/**
 * An IR-to-IR rewrite before lowering: in a loop body, an input that takes text but is bound to a
 * loop item (or a field of one) that is not text, say a JSON object passed to a {@code str}
 * parameter, is bound instead to a new body input holding the item's JSON text, which the loop's
 * dynamic task fills with {@code json.dumps(item)}. KFP passes such a value as the parameter it
 * is and the function receives whatever it is; Flyte types both ends of a binding, and a dynamic
 * task is where a value can be turned into text. The item's type comes from {@link ListHints}.
 */
final class ItemTexts {
  private static final String MARK = "-as-json";

  private final Pipeline pipeline;
  private final IrIndex index;
  private final ListHints hints;

  private ItemTexts(Pipeline pipeline) {
    this.pipeline = pipeline;
    this.index = new IrIndex(pipeline);
    this.hints = ListHints.of(pipeline);
  }

  static Pipeline rewrite(Pipeline p) {
    ItemTexts t = new ItemTexts(p);
    List<Component> components = new ArrayList<>();
    for (Component c : p.components()) {
      components.add(c instanceof Component.PipelineComponent pc
          ? new Component.PipelineComponent(pc.id(), pc.description(), t.graph(pc.graph()), pc.span())
          : c);
    }
    return new Pipeline(p.name(), p.displayName(), p.description(), p.source(), components, t.graph(p.root()),
        p.platform(), p.span());
  }

  /**
   * The item path whose JSON text body input {@code port} of loop {@code loop} holds: empty for
   * the item itself, the field's keys for a field; empty optional when the port is not one.
   */
  static Optional<List<String>> textPath(Node.LoopNode loop, String port) {
    String prefix = loop.itemInput() + MARK;
    if (!port.startsWith(prefix)) {
      return Optional.empty();
    }
    List<String> path = new ArrayList<>();
    String rest = port.substring(prefix.length());
    while (!rest.isEmpty()) {
      int colon = rest.indexOf(':');
      if (!rest.startsWith("-") || colon < 0) {
        return Optional.empty();
      }
      int length;
      try {
        length = Integer.parseInt(rest.substring(1, colon));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
      if (colon + 1 + length > rest.length() || length < 0) {
        return Optional.empty();
      }
      path.add(rest.substring(colon + 1, colon + 1 + length));
      rest = rest.substring(colon + 1 + length);
    }
    return Optional.of(path);
  }

  /** The body input holding the JSON text of {@code path} of the loop's item; keys length-prefixed, so names never clash. */
  static String textPort(Node.LoopNode loop, List<String> path) {
    StringBuilder b = new StringBuilder(loop.itemInput()).append(MARK);
    for (String k : path) {
      b.append('-').append(k.length()).append(':').append(k);
    }
    return b.toString();
  }

  private Graph graph(Graph g) {
    List<Node> nodes = new ArrayList<>();
    for (Node n : g.nodes()) {
      nodes.add(node(n));
    }
    return new Graph(g.iface(), nodes, g.outputs(), g.span());
  }

  private Node node(Node n) {
    if (n instanceof Node.ConditionNode c) {
      return new Node.ConditionNode(c.id(), c.displayName(), c.inputs(), c.after(), c.condition(), graph(c.body()),
          c.span());
    }
    if (n instanceof Node.BranchesNode b) {
      return new Node.BranchesNode(b.id(), b.displayName(), b.inputs(), b.after(), graph(b.body()), b.span());
    }
    if (n instanceof Node.ExitHandlerNode e) {
      return new Node.ExitHandlerNode(e.id(), e.displayName(), e.inputs(), e.after(), graph(e.body()), e.exitTask(),
          e.span());
    }
    if (n instanceof Node.LoopNode l) {
      return new Node.LoopNode(l.id(), l.displayName(), l.inputs(), l.after(), l.items(), l.itemInput(), l.parallelism(),
          texts(l, graph(l.body())), l.span());
    }
    return n;
  }

  /** {@code body} of loop {@code l} with its text consumers of a non-text item bound to the item's JSON text. */
  private Graph texts(Node.LoopNode l, Graph body) {
    List<Port> ports = new ArrayList<>(body.iface().inputs());
    List<Node> nodes = new ArrayList<>();
    boolean changed = false;
    for (Node n : body.nodes()) {
      List<InputBinding> inputs = new ArrayList<>();
      boolean rebound = false;
      for (InputBinding ib : n.inputs()) {
        Optional<List<String>> path = itemPath(ib.value(), l);
        if (path.isPresent() && !isText(path.get(), l) && takesText(n, ib.input())) {
          String port = textPort(l, path.get());
          if (ports.stream().noneMatch(p -> p.name().equals(port))) {
            ports.add(new Port(port, IrType.primitive(IrType.Scalar.STRING), false, false, Optional.empty(),
                Optional.of("the JSON text of the loop item" + (path.get().isEmpty() ? "" : "'s `"
                    + String.join(".", path.get()) + "`")), Span.NONE));
          }
          inputs.add(new InputBinding(ib.input(), new Binding.GraphInput(port), ib.span()));
          rebound = true;
        } else {
          inputs.add(ib);
        }
      }
      nodes.add(rebound ? ItemFields.withInputs(n, inputs) : n);
      changed |= rebound;
    }
    return changed ? new Graph(new Interface(ports, body.iface().outputs()), nodes, body.outputs(), body.span()) : body;
  }

  /** The path of the item of {@code l} a binding reads, if it reads one. */
  private static Optional<List<String>> itemPath(Binding b, Node.LoopNode l) {
    if (b instanceof Binding.LoopItem li && li.loop().equals(l.id())) {
      return Optional.of(List.of());
    }
    if (b instanceof Binding.Field f && f.base() instanceof Binding.LoopItem li && li.loop().equals(l.id())) {
      return Optional.of(f.path());
    }
    return Optional.empty();
  }

  /** Whether the item (or its field) is text, or nothing says what it is. */
  private boolean isText(List<String> path, Node.LoopNode l) {
    Optional<LiteralType> t = path.isEmpty() ? hints.item(l) : hints.field(l, path);
    return t.isEmpty() || t.get().equals(LiteralType.simple(LiteralType.SimpleType.STRING));
  }

  /**
   * Whether input {@code input} of {@code n} takes text: a component input declared {@code str},
   * or a control node's body input that only reaches such inputs (never a condition, a loop's
   * list or a field access).
   */
  private boolean takesText(Node n, String input) {
    return takesText(n, input, 0);
  }

  private boolean takesText(Node n, String input, int depth) {
    if (depth > 16) {
      return false;
    }
    if (n instanceof Node.TaskNode t) {
      if (t.condition().isPresent() && references(t.condition().get(), input)) {
        return false;
      }
      return index.component(t.component()).flatMap(c -> c.iface().input(input))
          .map(p -> p.type().equals(IrType.primitive(IrType.Scalar.STRING))).orElse(false);
    }
    if (n instanceof Node.ConditionNode c && references(c.condition(), input)) {
      return false;
    }
    if (n instanceof Node.LoopNode l && l.items() instanceof LoopItems.FromInput from && from.input().equals(input)) {
      return false;
    }
    Graph body = body(n);
    if (body.iface().input(input).map(p -> !p.type().equals(IrType.primitive(IrType.Scalar.STRING))).orElse(true)) {
      return false;
    }
    boolean used = false;
    for (Node m : body.nodes()) {
      for (InputBinding ib : m.inputs()) {
        if (ib.value() instanceof Binding.Field f && f.base() instanceof Binding.GraphInput g && g.input().equals(input)) {
          return false;
        }
        if (ib.value() instanceof Binding.GraphInput g && g.input().equals(input)) {
          if (!takesText(m, ib.input(), depth + 1)) {
            return false;
          }
          used = true;
        }
      }
    }
    return used;
  }

  private static boolean references(Condition c, String input) {
    if (c.parsed().isEmpty()) {
      return true;
    }
    Set<String> names = new TreeSet<>();
    inputs(c.parsed().get(), names);
    return names.contains(input);
  }

  private static void inputs(Expr e, Set<String> out) {
    if (e instanceof Expr.Input in) {
      out.add(in.name());
    } else if (e instanceof Expr.Compare c) {
      inputs(c.left(), out);
      inputs(c.right(), out);
    } else if (e instanceof Expr.Not n) {
      inputs(n.operand(), out);
    } else if (e instanceof Expr.And a) {
      inputs(a.left(), out);
      inputs(a.right(), out);
    } else if (e instanceof Expr.Or o) {
      inputs(o.left(), out);
      inputs(o.right(), out);
    } else if (e instanceof Expr.Call c) {
      c.arguments().forEach(x -> inputs(x, out));
    }
  }

  private static Graph body(Node n) {
    if (n instanceof Node.ConditionNode c) {
      return c.body();
    }
    if (n instanceof Node.BranchesNode b) {
      return b.body();
    }
    if (n instanceof Node.LoopNode l) {
      return l.body();
    }
    return ((Node.ExitHandlerNode) n).body();
  }
}
