package io.flytemigrate.airflow.eval;

import io.flytemigrate.airflow.model.PyParam;
import io.flytemigrate.airflow.model.PyValue;
import io.flytemigrate.airflow.model.PyValue.DictV;
import io.flytemigrate.airflow.model.PyValue.ListV;
import io.flytemigrate.airflow.model.PyValue.Str;
import io.flytemigrate.airflow.model.PyValue.Unknown;
import io.flytemigrate.airflow.python.PyNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Calls, attribute lookups and subscripts: evaluates arguments, runs functions defined in the
 * file (helpers, {@code @dag} and {@code @task_group} bodies) with Python's parameter binding,
 * and hands everything Airflow-specific to {@link AirflowCalls}.
 */
final class Calls {
  private final Interpreter in;

  Calls(Interpreter in) {
    this.in = in;
  }

  PyValue call(PyNode n, Scope s) {
    PyValue callee = in.expressions.eval(n.get("function"), s);
    Args args = evalArgs(n.get("arguments"), s);
    return invoke(callee, args, n, s);
  }

  Args evalArgs(PyNode list, Scope s) {
    Args a = new Args();
    if (list == null) {
      return a;
    }
    if (list.is("generator_expression")) {
      a.positional.add(new Args.Arg(in.expressions.eval(list, s), in.span(list), in.text(list)));
      return a;
    }
    for (PyNode c : list.named()) {
      switch (c.type()) {
        case "keyword_argument" -> {
          PyNode name = c.get("name");
          PyNode value = c.get("value");
          if (name != null) {
            a.keywords.remove(in.text(name));
            a.keywords.put(in.text(name), new Args.Arg(in.expressions.eval(value, s), in.span(c),
                value == null ? "" : in.text(value)));
          }
        }
        case "list_splat" -> {
          PyNode inner = c.named().isEmpty() ? null : c.named().get(0);
          PyValue v = in.expressions.eval(inner, s);
          List<PyValue> items = Builtins.iterate(v);
          if (items == null) {
            a.unexpanded.add(in.text(c));
            a.positional.add(new Args.Arg(Builtins.unknownFrom(v, in.text(c), "it cannot be expanded statically"),
                in.span(c), in.text(c)));
          } else {
            for (PyValue item : items) {
              a.positional.add(new Args.Arg(item, in.span(c), in.text(c)));
            }
          }
        }
        case "dictionary_splat" -> {
          PyNode inner = c.named().isEmpty() ? null : c.named().get(0);
          PyValue v = in.expressions.eval(inner, s);
          if (v instanceof DictV d) {
            for (Map.Entry<PyValue, PyValue> e : d.entries().entrySet()) {
              if (e.getKey() instanceof Str k) {
                Provenance.Entry where = in.provenance.entry(d, e.getKey());
                a.keywords.remove(k.value());
                a.keywords.put(k.value(), new Args.Arg(e.getValue(), where == null ? in.span(c) : where.span(),
                    where == null ? in.text(c) + "[" + Strings.repr(k) + "]" : where.raw()));
              }
            }
          } else {
            a.unexpanded.add(in.text(c));
          }
        }
        case "comment" -> { }
        default -> a.positional.add(new Args.Arg(in.expressions.eval(c, s), in.span(c), in.text(c)));
      }
    }
    return a;
  }

  PyValue invoke(PyValue callee, Args a, PyNode n, Scope s) {
    String raw = Strings.oneLine(in.text(n));
    if (callee instanceof EvalValue.Builtin b) {
      if (b.name().equals("hasattr") && a.positional.size() == 2 && a.positional.get(1).value() instanceof Str attr) {
        return Attributes.hasAttr(a.positional.get(0).value(), attr.value(), raw);
      }
      return BuiltinFunctions.call(b.name(), a.values(), a.keywordValues(), raw);
    }
    if (callee instanceof EvalValue.Method m) {
      return method(m, a, n, s);
    }
    if (callee instanceof EvalValue.Function f) {
      return callFunction(f, a, n);
    }
    if (callee instanceof EvalValue.Ref r) {
      return in.airflow.callRef(r, a, n);
    }
    if (callee instanceof EvalValue ev) {
      return in.airflow.callValue(ev, a, n);
    }
    if (callee instanceof Unknown u) {
      return in.airflow.callUnknown(u, a, n);
    }
    return new Unknown(raw, "it calls " + Strings.describe(callee) + ", which is not callable statically");
  }

  /** Runs a function of the file: binds arguments as Python does and executes the body. */
  PyValue callFunction(EvalValue.Function f, Args a, PyNode n) {
    in.budget.enterCall(f.name());
    try {
      Scope local = new Scope(f.closure());
      bind(f, a, local);
      if (f.lambda()) {
        return in.expressions.eval(f.node().get("body"), local);
      }
      Frame frame = new Frame(local, f.name());
      Flow flow = in.statements.execBlock(Statements.body(f.node().get("body")), local, frame);
      if (flow == Flow.RAISE) {
        return new Unknown(Strings.oneLine(in.text(n)), "`" + f.name() + "` raises an exception here");
      }
      return flow == Flow.RETURN ? frame.returned : PyValue.NONE;
    } finally {
      in.budget.exitCall();
    }
  }

  /** Python's argument binding: positionals, keywords, defaults, {@code *args}, {@code **kwargs}. */
  void bind(EvalValue.Function f, Args a, Scope local) {
    List<Signatures.Param> params = Signatures.read(f.node().get("parameters"), in);
    int next = 0;
    Map<String, Args.Arg> keywords = new LinkedHashMap<>(a.keywords);
    for (Signatures.Param p : params) {
      switch (p.kind()) {
        case POSITIONAL, KEYWORD_ONLY -> {
          PyValue v = null;
          if (p.kind() == PyParam.Kind.POSITIONAL && next < a.positional.size()) {
            v = a.positional.get(next++).value();
          } else if (keywords.containsKey(p.name())) {
            v = keywords.remove(p.name()).value();
          } else if (p.defaultValue() != null) {
            v = in.expressions.eval(p.defaultValue(), f.closure());
          }
          local.set(p.name(), v == null
              ? new Unknown(p.name(), "`" + f.name() + "` is called without a value for `" + p.name() + "`") : v);
        }
        case VAR_POSITIONAL -> {
          List<PyValue> rest = new ArrayList<>();
          while (next < a.positional.size()) {
            rest.add(a.positional.get(next++).value());
          }
          local.set(p.name(), new ListV(rest, true));
        }
        case VAR_KEYWORD -> {
          DictV d = new DictV(new LinkedHashMap<>());
          for (Map.Entry<String, Args.Arg> e : keywords.entrySet()) {
            d.entries().put(new Str(e.getKey()), e.getValue().value());
            in.provenance.record(d, new Str(e.getKey()), e.getValue().span(), e.getValue().raw());
          }
          keywords.clear();
          local.set(p.name(), d);
        }
        default -> { }
      }
    }
  }

  private PyValue method(EvalValue.Method m, Args a, PyNode n, Scope s) {
    String raw = Strings.oneLine(in.text(n));
    PyValue self = m.self();
    PyValue builtin = Methods.method(self, m.name(), a.values(), a.keywordValues(), raw);
    if (builtin != null) {
      return builtin;
    }
    return in.methods.callMethod(self, m.name(), a, n);
  }

  /** {@code obj.name}. */
  PyValue attribute(PyValue obj, String name, PyNode n) {
    String raw = Strings.oneLine(in.text(n));
    if (obj instanceof EvalValue.Ref r) {
      return in.attributes.refAttribute(r, name, raw);
    }
    if (obj instanceof Str || obj instanceof ListV || obj instanceof DictV) {
      return new EvalValue.Method(obj, name);
    }
    if (obj instanceof Unknown u) {
      Unknown out = new Unknown(raw, u.why());
      if (in.external.contains(u)) {
        in.external.add(out);
      }
      return out;
    }
    return in.attributes.attribute(obj, name, n);
  }

  /** {@code value[key]}. */
  PyValue item(PyValue value, PyValue key, PyNode n) {
    String raw = Strings.oneLine(in.text(n));
    if (value instanceof DictV d) {
      PyValue v = d.entries().get(key);
      if (v != null) {
        return v;
      }
      return key instanceof Unknown u ? new Unknown(raw, u.why()) : new Unknown(raw, "the key is not in the dict");
    }
    if (value instanceof ListV || value instanceof Str) {
      List<PyValue> items = Builtins.iterate(value);
      if (key instanceof PyValue.Int i && items != null) {
        long idx = i.value() < 0 ? i.value() + items.size() : i.value();
        if (idx >= 0 && idx < items.size()) {
          return items.get((int) idx);
        }
        return new Unknown(raw, "the index is out of range");
      }
      return Builtins.unknownFrom(key, raw, "the index is not known statically");
    }
    if (value instanceof Unknown u) {
      return new Unknown(raw, u.why());
    }
    return in.attributes.item(value, key, n);
  }
}
