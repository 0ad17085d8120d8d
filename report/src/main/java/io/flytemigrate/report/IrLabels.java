package io.flytemigrate.report;

import io.flytemigrate.ir.Binding;
import io.flytemigrate.ir.Expr;
import io.flytemigrate.ir.InputBinding;
import io.flytemigrate.ir.LoopItems;
import io.flytemigrate.ir.Value;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The short texts {@link IrDag} writes on clusters: conditions, loop items and the values they
 * read, followed back through the enclosing scopes to what the user wrote. A condition on a
 * scope input that comes from task {@code prepare} reads {@code prepare.Output}, not the scope
 * input's generated name; a scope input that comes from a pipeline parameter reads as the
 * parameter's name.
 */
final class IrLabels {
  /** What each input of the current graph stands for. Names missing here stand for themselves. */
  private final Map<String, String> scope;

  /** Display names of the nodes of the current graph, by id. */
  private final Map<String, String> siblings;

  IrLabels(Map<String, String> scope, Map<String, String> siblings) {
    this.scope = Map.copyOf(scope);
    this.siblings = Map.copyOf(siblings);
  }

  /** The scope of a node's body: each body input stands for what the node binds it to. */
  Map<String, String> bodyScope(List<InputBinding> inputs) {
    Map<String, String> body = new HashMap<>();
    for (InputBinding b : inputs) {
      body.put(b.input(), binding(b.value()));
    }
    return body;
  }

  /** The text of a condition over the node's inputs ({@code raw} when it was not parsed). */
  String condition(io.flytemigrate.ir.Condition c, List<InputBinding> inputs) {
    if (c.parsed().isEmpty()) {
      return c.raw();
    }
    return expr(c.parsed().get(), bodyScope(inputs), false);
  }

  /** What a loop iterates over. */
  String items(LoopItems items, List<InputBinding> inputs) {
    if (items instanceof LoopItems.Literal l) {
      return value(l.items());
    }
    if (items instanceof LoopItems.FromInput f) {
      return bodyScope(inputs).getOrDefault(f.input(), f.input());
    }
    throw new AssertionError(items);
  }

  String binding(Binding b) {
    if (b instanceof Binding.Constant c) {
      return value(c.value());
    } else if (b instanceof Binding.GraphInput g) {
      return scope.getOrDefault(g.input(), g.input());
    } else if (b instanceof Binding.TaskOutput t) {
      return sibling(t.task()) + "." + t.output();
    } else if (b instanceof Binding.LoopItem) {
      return "item";
    } else if (b instanceof Binding.Field f) {
      return binding(f.base()) + "." + String.join(".", f.path());
    } else if (b instanceof Binding.TaskFinalStatus s) {
      return sibling(s.task()) + ".status";
    } else if (b instanceof Binding.Template) {
      return "(template)";
    } else if (b instanceof Binding.Unresolved u) {
      return u.raw();
    }
    throw new AssertionError(b);
  }

  private String sibling(String id) {
    return siblings.getOrDefault(id, id);
  }

  private static String expr(Expr e, Map<String, String> inputs, boolean nested) {
    if (e instanceof Expr.Input i) {
      return inputs.getOrDefault(i.name(), i.name());
    } else if (e instanceof Expr.Literal l) {
      return value(l.value());
    } else if (e instanceof Expr.Compare c) {
      String s = expr(c.left(), inputs, true) + " " + c.op().symbol() + " " + expr(c.right(), inputs, true);
      return nested ? "(" + s + ")" : s;
    } else if (e instanceof Expr.Not n) {
      return "not " + expr(n.operand(), inputs, true);
    } else if (e instanceof Expr.And a) {
      String s = expr(a.left(), inputs, true) + " and " + expr(a.right(), inputs, true);
      return nested ? "(" + s + ")" : s;
    } else if (e instanceof Expr.Or o) {
      String s = expr(o.left(), inputs, true) + " or " + expr(o.right(), inputs, true);
      return nested ? "(" + s + ")" : s;
    } else if (e instanceof Expr.Call c) {
      var args = new StringBuilder();
      for (Expr a : c.arguments()) {
        args.append(args.length() == 0 ? "" : ", ").append(expr(a, inputs, false));
      }
      return c.function() + "(" + args + ")";
    }
    throw new AssertionError(e);
  }

  /** A value as compact JSON-like text. */
  static String value(Value v) {
    if (v instanceof Value.Null) {
      return "null";
    } else if (v instanceof Value.Bool b) {
      return Boolean.toString(b.value());
    } else if (v instanceof Value.Int i) {
      return Long.toString(i.value());
    } else if (v instanceof Value.Float f) {
      return Double.toString(f.value());
    } else if (v instanceof Value.Str s) {
      return "\"" + s.value().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    } else if (v instanceof Value.ListValue l) {
      var b = new StringBuilder("[");
      for (Value item : l.items()) {
        b.append(b.length() == 1 ? "" : ", ").append(value(item));
      }
      return b.append(']').toString();
    } else if (v instanceof Value.MapValue m) {
      var b = new StringBuilder("{");
      for (Value.Entry entry : m.entries()) {
        b.append(b.length() == 1 ? "" : ", ").append(value(new Value.Str(entry.key()))).append(": ").append(value(entry.value()));
      }
      return b.append('}').toString();
    }
    throw new AssertionError(v);
  }
}
