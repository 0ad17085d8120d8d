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
import io.flytemigrate.ir.Value;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the values the source leaves untyped hold (KFP's {@code LIST}, a list of anything; KFP v1
 * and Airflow inputs and outputs without a type), learnt from both ends of every binding: the
 * producer's output, the consumer's input, constants and defaults, and how loops use their items
 * (a loop whose body reads fields of its item iterates over JSON objects). Flyte types every
 * value, and the two ends of a binding must agree, so a value gets one type wherever it flows.
 *
 * <p>Each component input and output, pipeline parameter, loop item and field of a loop item is
 * a {@link Unifier} variable, declared types and values are evidence, and every binding unifies
 * its ends, through the bodies of control-flow nodes and nested pipelines. One exception: a loop
 * item (or a field of one) that reaches an input taking text says only weakly that it is text,
 * since the loop can pass any item as its JSON text ({@link ItemTexts}).
 */
final class ListHints {
  /** A value's variable, and whether it is (part of) a loop item. */
  private record Term(Unifier.Var var, boolean fromItem) {}

  private record PortKey(String component, String port, boolean output) {}

  private final Pipeline pipeline;
  private final IrIndex index;
  private final Unifier u = new Unifier();
  private final Map<PortKey, Unifier.Var> ports = new HashMap<>();
  private final Map<Graph, Map<String, Unifier.Var>> graphInputs = new IdentityHashMap<>();
  private final Map<Graph, Map<String, Unifier.Var>> graphOutputs = new IdentityHashMap<>();
  private final Map<Graph, Scope> tops = new IdentityHashMap<>();
  private final Map<Node, Scope> bodies = new IdentityHashMap<>();
  private final Map<Node, Unifier.Var> items = new IdentityHashMap<>();
  private final Map<Node, Map<List<String>, Unifier.Var>> fields = new IdentityHashMap<>();
  private final Map<Node, Map<String, Unifier.Var>> nodeOutputs = new IdentityHashMap<>();
  /**
   * How many graphs deep an output is being followed into (bodies and nested pipelines). Past
   * twice the lowering's bound ({@link GraphLowering#MAX_DEPTH}), which leaves such graphs out
   * anyway, an output is not followed further and keeps only what is declared of it, so the
   * recursion stays shallow on any input.
   */
  private int following;

  private ListHints(Pipeline pipeline) {
    this.pipeline = pipeline;
    this.index = new IrIndex(pipeline);
  }

  static ListHints of(Pipeline p) {
    ListHints h = new ListHints(p);
    h.walk(p.root(), h.top(p.root()));
    for (Component c : p.components()) {
      if (c instanceof Component.PipelineComponent pc) {
        h.walk(pc.graph(), h.top(pc.graph()));
        for (Graph.GraphOutput o : pc.graph().outputs()) {
          h.graphOutput(pc.graph(), o.name());
        }
      }
    }
    return h;
  }

  /** The inferred type of a component's input whose declared type leaves parts open. */
  Optional<LiteralType> input(String component, String port) {
    return index.component(component).flatMap(c -> c.iface().input(port))
        .flatMap(p -> inferred(p.type(), port(component, p, false)));
  }

  /** The inferred type of a component's output whose declared type leaves parts open. */
  Optional<LiteralType> output(String component, String port) {
    return index.component(component).flatMap(c -> c.iface().output(port))
        .flatMap(p -> inferred(p.type(), port(component, p, true)));
  }

  /** The inferred type of an input of the root graph or a nested pipeline's graph, if it is open. */
  Optional<LiteralType> parameter(Graph graph, String name) {
    return graph.iface().input(name).flatMap(p -> inferred(p.type(), graphInput(graph, name)));
  }

  /**
   * What is known of a value of declared type {@code declared}. Parts nothing says anything about
   * are taken as text, what the lowering assumes for them (a list of unknown elements is still a
   * list); empty when that leaves no more than the assumption.
   */
  private Optional<LiteralType> inferred(IrType declared, Unifier.Var v) {
    if (!open(declared)) {
      return Optional.empty();
    }
    Optional<LiteralType> known = u.resolve(v);
    if (known.isPresent()) {
      return known;
    }
    LiteralType str = LiteralType.simple(LiteralType.SimpleType.STRING);
    return u.resolve(v, str).filter(t -> !t.equals(Types.of(declared, Optional.empty(), false).type()));
  }

  /** The inferred type of a loop's items. */
  Optional<LiteralType> item(Node.LoopNode loop) {
    return u.resolve(itemVar(loop));
  }

  /** The inferred type of field {@code path} of a loop's items. */
  Optional<LiteralType> field(Node.LoopNode loop, List<String> path) {
    return u.resolve(fieldVar(loop, path));
  }

  /** Whether a type leaves parts open: {@link IrType.Any}, or a list of one. */
  static boolean open(IrType t) {
    return t instanceof IrType.Any || t instanceof IrType.ListOf l && open(l.element());
  }

  // ---------------------------------------------------------------- constraints

  private void walk(Graph g, Scope s) {
    for (Node n : g.nodes()) {
      if (n instanceof Node.TaskNode t) {
        task(t, s);
        continue;
      }
      Scope body = body(n, s);
      if (n instanceof Node.LoopNode l) {
        loop(l, body);
      }
      walk(body.graph, body);
    }
  }

  private void task(Node.TaskNode t, Scope s) {
    Optional<Component> c = index.component(t.component());
    if (c.isEmpty()) {
      return;
    }
    for (InputBinding ib : t.inputs()) {
      Optional<Port> p = c.get().iface().input(ib.input());
      if (p.isEmpty()) {
        continue;
      }
      Unifier.Var consumer = c.get() instanceof Component.PipelineComponent pc
          ? graphInput(pc.graph(), p.get().name()) : port(c.get().id(), p.get(), false);
      consume(consumer, p.get().type(), term(ib.value(), s));
    }
  }

  /** A value reaching an input of declared type {@code declared}. */
  private void consume(Unifier.Var consumer, IrType declared, Term value) {
    if (value.fromItem() && declared.equals(IrType.primitive(IrType.Scalar.STRING))) {
      u.unify(value.var(), u.known(LiteralType.simple(LiteralType.SimpleType.STRING), Unifier.Strength.TEXT));
    } else {
      u.unify(consumer, value.var());
    }
  }

  private void loop(Node.LoopNode l, Scope body) {
    Unifier.Var item = itemVar(l);
    if (l.items() instanceof LoopItems.FromInput from) {
      u.unify(body.input(from.input()).var(), u.list(item));
    } else if (l.items() instanceof LoopItems.Literal lit) {
      u.unify(value(lit.items()), u.list(item));
    }
  }

  // ---------------------------------------------------------------- terms

  private Term term(Binding b, Scope s) {
    if (b instanceof Binding.Constant c) {
      return new Term(value(c.value()), false);
    }
    if (b instanceof Binding.GraphInput g) {
      return s.input(g.input());
    }
    if (b instanceof Binding.TaskOutput t) {
      return new Term(output(s, t.task(), t.output()), false);
    }
    if (b instanceof Binding.LoopItem li) {
      Optional<Node.LoopNode> l = s.loop(li.loop());
      return new Term(l.isPresent() ? itemVar(l.get()) : u.fresh(), true);
    }
    if (b instanceof Binding.Field f) {
      Term base = term(f.base(), s);
      u.unify(base.var(), u.known(new LiteralType.Struct(), Unifier.Strength.DECLARED));
      Optional<Node.LoopNode> l = f.base() instanceof Binding.LoopItem li ? s.loop(li.loop()) : Optional.empty();
      return new Term(l.isPresent() ? fieldVar(l.get(), f.path()) : u.fresh(), base.fromItem());
    }
    if (b instanceof Binding.Template) {
      return new Term(u.known(LiteralType.simple(LiteralType.SimpleType.STRING), Unifier.Strength.VALUE), false);
    }
    return new Term(u.fresh(), false);
  }

  /** Output {@code output} of node {@code task}, looked up from {@code s} outwards. */
  private Unifier.Var output(Scope s, String task, String output) {
    for (Scope at = s; at != null; at = at.parent) {
      Optional<Node> n = index.node(at.graph, task);
      if (n.isPresent()) {
        return output(at, n.get(), output);
      }
    }
    return u.fresh();
  }

  private Unifier.Var output(Scope s, Node n, String output) {
    if (n instanceof Node.TaskNode t) {
      Optional<Component> c = index.component(t.component());
      if (c.isEmpty()) {
        return u.fresh();
      }
      if (c.get() instanceof Component.PipelineComponent pc) {
        return graphOutput(pc.graph(), output);
      }
      return c.get().iface().output(output).map(p -> port(c.get().id(), p, true)).orElseGet(u::fresh);
    }
    Map<String, Unifier.Var> outs = nodeOutputs.computeIfAbsent(n, k -> new HashMap<>());
    Unifier.Var done = outs.get(output);
    if (done != null) {
      return done;
    }
    Unifier.Var v = u.fresh();
    outs.put(output, v);
    if (following > 2 * GraphLowering.MAX_DEPTH) {
      return v;
    }
    following++;
    Scope body = body(n, s);
    for (Graph.GraphOutput o : body.graph.outputs()) {
      if (!o.name().equals(output)) {
        continue;
      }
      for (Graph.Source src : o.sources()) {
        Unifier.Var each = output(body, src.task(), src.output());
        boolean list = n instanceof Node.LoopNode && o.collected() && !LoopLowering.collectsFlat(pipeline, body.graph, o);
        u.unify(v, list ? u.list(each) : each);
      }
    }
    following--;
    return v;
  }

  private Unifier.Var graphOutput(Graph g, String name) {
    Map<String, Unifier.Var> outs = graphOutputs.computeIfAbsent(g, k -> new HashMap<>());
    Unifier.Var done = outs.get(name);
    if (done != null) {
      return done;
    }
    Unifier.Var v = g.iface().output(name).map(p -> declared(p.type())).orElseGet(u::fresh);
    outs.put(name, v);
    if (following > 2 * GraphLowering.MAX_DEPTH) {
      return v;
    }
    following++;
    Scope top = top(g);
    for (Graph.GraphOutput o : g.outputs()) {
      if (o.name().equals(name)) {
        for (Graph.Source src : o.sources()) {
          u.unify(v, output(top, src.task(), src.output()));
        }
      }
    }
    following--;
    return v;
  }

  private Unifier.Var graphInput(Graph g, String name) {
    Map<String, Unifier.Var> ins = graphInputs.computeIfAbsent(g, k -> new HashMap<>());
    Unifier.Var done = ins.get(name);
    if (done != null) {
      return done;
    }
    Optional<Port> p = g.iface().input(name);
    Unifier.Var v = p.map(this::declaredWithDefault).orElseGet(u::fresh);
    ins.put(name, v);
    return v;
  }

  private Unifier.Var port(String component, Port p, boolean isOutput) {
    return ports.computeIfAbsent(new PortKey(component, p.name(), isOutput), k -> declaredWithDefault(p));
  }

  /**
   * The variable of a loop's items. The body's item input says what the source's compiler made of
   * the item's consumers: text only weakly, since any item can be passed as text.
   */
  private Unifier.Var itemVar(Node.LoopNode l) {
    Unifier.Var done = items.get(l);
    if (done != null) {
      return done;
    }
    Unifier.Var v = u.fresh();
    items.put(l, v);
    Optional<Port> p = l.body().iface().input(l.itemInput());
    if (p.isPresent() && p.get().type().equals(IrType.primitive(IrType.Scalar.STRING))) {
      u.unify(v, u.known(LiteralType.simple(LiteralType.SimpleType.STRING), Unifier.Strength.TEXT));
    } else if (p.isPresent()) {
      u.unify(v, declared(p.get().type()));
    }
    return v;
  }

  private Unifier.Var fieldVar(Node.LoopNode l, List<String> path) {
    return fields.computeIfAbsent(l, k -> new HashMap<>()).computeIfAbsent(List.copyOf(path), k -> u.fresh());
  }

  private Unifier.Var declaredWithDefault(Port p) {
    Unifier.Var v = declared(p.type());
    p.defaultValue().ifPresent(d -> u.unify(v, value(d)));
    return v;
  }

  /** What a declared type says: open parts are fresh variables. */
  private Unifier.Var declared(IrType t) {
    if (t instanceof IrType.Any) {
      return u.fresh();
    }
    if (t instanceof IrType.ListOf l) {
      return u.list(declared(l.element()));
    }
    return u.known(Types.of(t, Optional.empty(), false).type(), Unifier.Strength.DECLARED);
  }

  /** What a constant says about its type. */
  private Unifier.Var value(Value v) {
    LiteralType.SimpleType simple = null;
    if (v instanceof Value.Int) {
      simple = LiteralType.SimpleType.INTEGER;
    } else if (v instanceof Value.Float) {
      simple = LiteralType.SimpleType.FLOAT;
    } else if (v instanceof Value.Str) {
      simple = LiteralType.SimpleType.STRING;
    } else if (v instanceof Value.Bool) {
      simple = LiteralType.SimpleType.BOOLEAN;
    }
    if (simple != null) {
      return u.known(LiteralType.simple(simple), Unifier.Strength.VALUE);
    }
    if (v instanceof Value.MapValue) {
      return u.known(new LiteralType.Struct(), Unifier.Strength.VALUE);
    }
    if (v instanceof Value.ListValue l) {
      Unifier.Var element = u.fresh();
      for (Value item : l.items()) {
        u.unify(element, value(item));
      }
      return u.list(element);
    }
    return u.fresh();
  }

  // ---------------------------------------------------------------- scopes

  private Scope top(Graph g) {
    return tops.computeIfAbsent(g, k -> new Scope(g, null, null));
  }

  private Scope body(Node n, Scope outer) {
    return bodies.computeIfAbsent(n, k -> new Scope(bodyOf(n), outer, n));
  }

  private static Graph bodyOf(Node n) {
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

  /**
   * A graph as seen from inside: its inputs are the parameters of the root or a nested pipeline,
   * or, in the body of a control-flow node, whatever the node's bindings feed them.
   */
  private final class Scope {
    final Graph graph;
    final Scope parent;
    final Node owner;
    private final Map<String, Term> inputs = new HashMap<>();

    Scope(Graph graph, Scope parent, Node owner) {
      this.graph = graph;
      this.parent = parent;
      this.owner = owner;
    }

    Term input(String name) {
      Term done = inputs.get(name);
      if (done != null) {
        return done;
      }
      Term t;
      if (owner == null) {
        t = new Term(graphInput(graph, name), false);
      } else if (owner instanceof Node.LoopNode l && name.equals(l.itemInput())) {
        t = new Term(itemVar(l), true);
      } else {
        Optional<InputBinding> feed = owner.inputs().stream().filter(b -> b.input().equals(name)).findFirst();
        t = feed.isPresent() ? term(feed.get().value(), parent)
            : new Term(graph.iface().input(name).map(p -> declared(p.type())).orElseGet(u::fresh), false);
      }
      inputs.put(name, t);
      return t;
    }

    /** The loop around this scope with id {@code id}. */
    Optional<Node.LoopNode> loop(String id) {
      for (Scope at = this; at != null; at = at.parent) {
        if (at.owner instanceof Node.LoopNode l && l.id().equals(id)) {
          return Optional.of(l);
        }
      }
      return Optional.empty();
    }
  }
}
