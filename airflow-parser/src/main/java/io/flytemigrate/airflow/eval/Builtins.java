package io.flytemigrate.airflow.eval;

import io.flytemigrate.airflow.model.PyValue;
import io.flytemigrate.airflow.model.PyValue.Bool;
import io.flytemigrate.airflow.model.PyValue.DictV;
import io.flytemigrate.airflow.model.PyValue.Duration;
import io.flytemigrate.airflow.model.PyValue.Float;
import io.flytemigrate.airflow.model.PyValue.Int;
import io.flytemigrate.airflow.model.PyValue.ListV;
import io.flytemigrate.airflow.model.PyValue.Str;
import io.flytemigrate.airflow.model.PyValue.Unknown;
import io.flytemigrate.airflow.python.PyNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Python's builtins and the methods of {@code str}, {@code list} and {@code dict}, for known
 * values: truthiness, comparisons, arithmetic, iteration, {@code len}, {@code range},
 * {@code sorted}, {@code "sep".join(...)}, {@code d.get(k)} and so on. Nothing here touches the
 * world: {@code open}, {@code input} and the like are unknown values.
 */
final class Builtins {
  private Builtins() {}

  private static final Set<String> NAMES = Set.of(
      "str", "int", "float", "bool", "len", "range", "list", "tuple", "dict", "set", "frozenset", "enumerate",
      "zip", "sorted", "reversed", "min", "max", "sum", "abs", "print", "any", "all", "hasattr", "getattr",
      "isinstance", "repr", "round", "map", "filter", "open", "iter", "next", "type", "id", "hash", "vars",
      "globals", "locals", "super", "object", "input", "callable", "issubclass", "format", "chr", "ord",
      "Exception", "ValueError", "KeyError", "TypeError", "RuntimeError", "ImportError", "AttributeError",
      "NotImplementedError", "property", "staticmethod", "classmethod", "exec", "eval", "compile", "__import__");

  static PyValue builtin(String name) {
    return NAMES.contains(name) ? new EvalValue.Builtin(name) : null;
  }

  /** {@code __name__}, {@code __file__} and {@code __doc__} as Airflow's import would set them. */
  static void bindModuleNames(Interpreter in, Scope g) {
    String path = in.source.path();
    String base = path.substring(path.lastIndexOf('/') + 1);
    String stem = base.endsWith(".py") ? base.substring(0, base.length() - 3) : base;
    // Airflow imports a DAG file under a generated module name, never as __main__.
    g.set("__name__", new Str("unusual_prefix_" + stem));
    g.set("__file__", new Str(path));
    List<PyNode> stmts = in.source.root().named();
    PyValue doc = PyValue.NONE;
    if (!stmts.isEmpty() && stmts.get(0).is("expression_statement")) {
      List<PyNode> e = stmts.get(0).named();
      if (e.size() == 1 && e.get(0).is("string")) {
        doc = in.strings.eval(e.get(0), g);
      }
    }
    g.set("__doc__", doc);
  }

  static PyValue unknownFrom(PyValue v, String raw, String why) {
    return v instanceof Unknown u ? new Unknown(raw, u.why()) : new Unknown(raw, why);
  }

  /** Python truthiness, or null when the value is not known. */
  static Boolean truth(PyValue v) {
    if (v instanceof Unknown || v instanceof EvalValue.Pending) {
      return null;
    }
    if (v instanceof PyValue.None) {
      return false;
    }
    if (v instanceof Bool b) {
      return b.value();
    }
    if (v instanceof Int i) {
      return i.value() != 0;
    }
    if (v instanceof Float f) {
      return f.value() != 0;
    }
    if (v instanceof Str s) {
      return !s.value().isEmpty();
    }
    if (v instanceof ListV l) {
      return !l.items().isEmpty();
    }
    if (v instanceof DictV d) {
      return !d.entries().isEmpty();
    }
    if (v instanceof Duration d) {
      return d.seconds() != 0;
    }
    return true;
  }

  /** The items of an iterable, or null when they are not known. */
  static List<PyValue> iterate(PyValue v) {
    if (v instanceof ListV l) {
      return l.items();
    }
    if (v instanceof DictV d) {
      return new ArrayList<>(d.entries().keySet());
    }
    if (v instanceof Str s) {
      List<PyValue> out = new ArrayList<>();
      s.value().codePoints().forEach(cp -> out.add(new Str(new String(Character.toChars(cp)))));
      return out;
    }
    return null;
  }

  static Double number(PyValue v) {
    if (v instanceof Int i) {
      return (double) i.value();
    }
    if (v instanceof Float f) {
      return f.value();
    }
    if (v instanceof Bool b) {
      return b.value() ? 1.0 : 0.0;
    }
    return null;
  }

  /** Equality of known values, or null. */
  static Boolean equal(PyValue l, PyValue r) {
    if (l instanceof Unknown || r instanceof Unknown || l instanceof EvalValue.Pending || r instanceof EvalValue.Pending) {
      return null;
    }
    Double a = number(l);
    Double b = number(r);
    if (a != null && b != null) {
      return a.doubleValue() == b.doubleValue();
    }
    if (l instanceof ListV x && r instanceof ListV y) {
      if (x.items().size() != y.items().size()) {
        return false;
      }
      for (int i = 0; i < x.items().size(); i++) {
        Boolean e = equal(x.items().get(i), y.items().get(i));
        if (e == null || !e) {
          return e;
        }
      }
      return true;
    }
    if (l instanceof EvalValue.Ref || r instanceof EvalValue.Ref) {
      return l.equals(r) ? Boolean.TRUE : null;
    }
    return l.equals(r);
  }

  /** A comparison ({@code ==}, {@code <}, {@code in}, {@code is not}, ...) of known values, or null. */
  static Boolean compare(String op, PyValue l, PyValue r) {
    switch (op) {
      case "==" -> {
        return equal(l, r);
      }
      case "!=", "<>" -> {
        Boolean e = equal(l, r);
        return e == null ? null : !e;
      }
      case "is" -> {
        return identity(l, r);
      }
      case "is not" -> {
        Boolean e = identity(l, r);
        return e == null ? null : !e;
      }
      case "in" -> {
        return contains(r, l);
      }
      case "not in" -> {
        Boolean c = contains(r, l);
        return c == null ? null : !c;
      }
      default -> {
        Double a = number(l);
        Double b = number(r);
        int c;
        if (a != null && b != null) {
          c = Double.compare(a, b);
        } else if (l instanceof Str x && r instanceof Str y) {
          c = x.value().compareTo(y.value());
        } else if (l instanceof Duration x && r instanceof Duration y) {
          c = Double.compare(x.seconds(), y.seconds());
        } else {
          return null;
        }
        return switch (op) {
          case "<" -> c < 0;
          case "<=" -> c <= 0;
          case ">" -> c > 0;
          case ">=" -> c >= 0;
          default -> null;
        };
      }
    }
  }

  private static Boolean identity(PyValue l, PyValue r) {
    if (l instanceof Unknown || r instanceof Unknown) {
      return null;
    }
    if (l instanceof PyValue.None || r instanceof PyValue.None) {
      return l instanceof PyValue.None && r instanceof PyValue.None;
    }
    if (l instanceof Bool || r instanceof Bool) {
      return l.equals(r);
    }
    return l == r ? Boolean.TRUE : null;
  }

  private static Boolean contains(PyValue container, PyValue item) {
    if (container instanceof Str s && item instanceof Str i) {
      return s.value().contains(i.value());
    }
    List<PyValue> items = container instanceof DictV d ? new ArrayList<>(d.entries().keySet()) : iterate(container);
    if (items == null || item instanceof Unknown) {
      return null;
    }
    boolean undecided = false;
    for (PyValue x : items) {
      Boolean e = equal(x, item);
      if (e == null) {
        undecided = true;
      } else if (e) {
        return true;
      }
    }
    return undecided ? null : false;
  }

  /** Arithmetic on known values, or null when it does not apply. */
  static PyValue binary(String op, PyValue l, PyValue r) {
    if (l instanceof Str a && r instanceof Str b && op.equals("+")) {
      return new Str(a.value() + b.value());
    }
    if (op.equals("*") && (l instanceof Str || r instanceof Str) && (l instanceof Int || r instanceof Int)) {
      String s = l instanceof Str a ? a.value() : ((Str) r).value();
      long n = l instanceof Int i ? i.value() : ((Int) r).value();
      if (n * (long) s.length() > Budget.MAX_COLLECTION * 16L) {
        throw new EvalLimit("a string grows beyond " + (Budget.MAX_COLLECTION * 16) + " characters");
      }
      return new Str(n <= 0 ? "" : s.repeat((int) n));
    }
    if (l instanceof ListV a && r instanceof ListV b && op.equals("+")) {
      List<PyValue> out = new ArrayList<>(a.items());
      out.addAll(b.items());
      return new ListV(out, a.tuple() && b.tuple());
    }
    if (l instanceof ListV a && r instanceof Int n && op.equals("*")) {
      if (n.value() * (long) a.items().size() > Budget.MAX_COLLECTION) {
        throw new EvalLimit("a collection grows beyond " + Budget.MAX_COLLECTION + " items");
      }
      List<PyValue> out = new ArrayList<>();
      for (long i = 0; i < n.value(); i++) {
        out.addAll(a.items());
      }
      return new ListV(out, a.tuple());
    }
    if (l instanceof DictV a && r instanceof DictV b && op.equals("|")) {
      LinkedHashMap<PyValue, PyValue> m = new LinkedHashMap<>(a.entries());
      m.putAll(b.entries());
      return new DictV(m);
    }
    PyValue time = Time.arithmetic(op, l, r);
    if (time != null) {
      return time;
    }
    if ((l instanceof Int || l instanceof Bool) && (r instanceof Int || r instanceof Bool)) {
      long a = number(l).longValue();
      long b = number(r).longValue();
      switch (op) {
        case "+":
          return new Int(a + b);
        case "-":
          return new Int(a - b);
        case "*":
          return new Int(a * b);
        case "//":
          return b == 0 ? null : new Int(Math.floorDiv(a, b));
        case "%":
          return b == 0 ? null : new Int(Math.floorMod(a, b));
        case "/":
          return b == 0 ? null : new Float((double) a / b);
        case "**":
          return b < 0 ? new Float(Math.pow(a, b)) : Math.abs(Math.pow(a, b)) < 9e18 ? new Int((long) Math.pow(a, b)) : null;
        case "<<":
          return b < 0 || b > 62 ? null : new Int(a << b);
        case ">>":
          return b < 0 ? null : new Int(a >> Math.min(b, 63));
        case "&":
          return new Int(a & b);
        case "|":
          return new Int(a | b);
        case "^":
          return new Int(a ^ b);
        default:
          return null;
      }
    }
    Double a = number(l);
    Double b = number(r);
    if (a != null && b != null) {
      return switch (op) {
        case "+" -> new Float(a + b);
        case "-" -> new Float(a - b);
        case "*" -> new Float(a * b);
        case "/" -> b == 0 ? null : new Float(a / b);
        case "//" -> b == 0 ? null : new Float(Math.floor(a / b));
        case "%" -> b == 0 ? null : new Float(a - b * Math.floor(a / b));
        case "**" -> new Float(Math.pow(a, b));
        default -> null;
      };
    }
    return null;
  }

  static PyValue slice(PyValue value, PyValue start, PyValue stop, PyValue step, String raw) {
    List<PyValue> items = value instanceof Str ? iterate(value) : value instanceof ListV l ? l.items() : null;
    if (items == null || !(isIntOrNone(start) && isIntOrNone(stop) && isIntOrNone(step))) {
      return unknownFrom(value, raw, "the slice is not known statically");
    }
    int n = items.size();
    long st = step instanceof Int i ? i.value() : 1;
    if (st == 0) {
      return new Unknown(raw, "the slice step is zero");
    }
    List<PyValue> out = new ArrayList<>();
    if (st > 0) {
      long a = bound(start, 0, n);
      long b = bound(stop, n, n);
      for (long i = a; i < b; i += st) {
        out.add(items.get((int) i));
      }
    } else {
      long a = start instanceof Int ? bound(start, n - 1, n) : n - 1;
      long b = stop instanceof Int ? bound(stop, -1, n) : -1;
      a = Math.min(a, n - 1);
      for (long i = a; i > b; i += st) {
        out.add(items.get((int) i));
      }
    }
    if (value instanceof Str) {
      StringBuilder s = new StringBuilder();
      for (PyValue v : out) {
        s.append(((Str) v).value());
      }
      return new Str(s.toString());
    }
    return new ListV(out, ((ListV) value).tuple());
  }

  private static boolean isIntOrNone(PyValue v) {
    return v == null || v instanceof Int || v instanceof PyValue.None;
  }

  private static long bound(PyValue v, long dflt, int n) {
    if (!(v instanceof Int i)) {
      return dflt;
    }
    long x = i.value() < 0 ? i.value() + n : i.value();
    return Math.max(-1, Math.min(x, n));
  }

  /** {@code obj[key] = value} on a known dict or list; other targets are left alone. */
  static void setItem(PyValue obj, PyValue key, PyValue value) {
    if (obj instanceof DictV d) {
      d.entries().put(key, value);
    } else if (obj instanceof ListV l && key instanceof Int i) {
      long idx = i.value() < 0 ? i.value() + l.items().size() : i.value();
      if (idx >= 0 && idx < l.items().size()) {
        l.items().set((int) idx, value);
      }
    }
  }
}
