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
 * Python's builtin functions for known arguments: {@code len}, {@code range}, {@code sorted},
 * {@code enumerate}, {@code zip}, {@code str}, {@code int}, {@code dict}, ... Builtins that would
 * touch the world ({@code open}, {@code input}, {@code exec}) are unknown values.
 */
final class BuiltinFunctions {
  private BuiltinFunctions() {}

  /** Calls a builtin with known arguments. */
  static PyValue call(String name, List<PyValue> args, Map<String, PyValue> kwargs, String raw) {
    PyValue a0 = args.isEmpty() ? null : args.get(0);
    switch (name) {
      case "print", "super", "object" -> {
        return PyValue.NONE;
      }
      case "str" -> {
        if (a0 == null) {
          return new Str("");
        }
        String s = Strings.str(a0);
        return s == null ? Builtins.unknownFrom(a0, raw, "its text is not known statically") : new Str(s);
      }
      case "repr" -> {
        String s = a0 == null ? null : Strings.repr(a0);
        return s == null ? Builtins.unknownFrom(a0, raw, "its text is not known statically") : new Str(s);
      }
      case "int" -> {
        if (a0 == null) {
          return new Int(0);
        }
        if (a0 instanceof Int) {
          return a0;
        }
        if (a0 instanceof Float f) {
          return new Int((long) f.value());
        }
        if (a0 instanceof Bool b) {
          return new Int(b.value() ? 1 : 0);
        }
        if (a0 instanceof Str s) {
          PyValue v = Expressions.integer(s.value().strip());
          return v instanceof Int ? v : new Unknown(raw, "the text is not an integer");
        }
        return Builtins.unknownFrom(a0, raw, "it is not a number");
      }
      case "float" -> {
        Double d = Builtins.number(a0);
        if (d != null) {
          return new Float(d);
        }
        if (a0 instanceof Str s) {
          try {
            return new Float(Double.parseDouble(s.value().strip()));
          } catch (NumberFormatException e) {
            return new Unknown(raw, "the text is not a number");
          }
        }
        return Builtins.unknownFrom(a0, raw, "it is not a number");
      }
      case "bool" -> {
        Boolean t = a0 == null ? Boolean.FALSE : Builtins.truth(a0);
        return t == null ? Builtins.unknownFrom(a0, raw, "its value is not known statically") : new Bool(t);
      }
      case "len" -> {
        if (a0 instanceof Str s) {
          return new Int(s.value().codePointCount(0, s.value().length()));
        }
        if (a0 instanceof ListV l) {
          return new Int(l.items().size());
        }
        if (a0 instanceof DictV d) {
          return new Int(d.entries().size());
        }
        return Builtins.unknownFrom(a0, raw, "its length is not known statically");
      }
      case "range" -> {
        List<Long> n = new ArrayList<>();
        for (PyValue a : args) {
          if (!(a instanceof Int i)) {
            return Builtins.unknownFrom(a, raw, "its bounds are not known statically");
          }
          n.add(i.value());
        }
        long start = n.size() >= 2 ? n.get(0) : 0;
        long stop = n.size() == 1 ? n.get(0) : n.size() >= 2 ? n.get(1) : 0;
        long step = n.size() >= 3 ? n.get(2) : 1;
        if (step == 0) {
          return new Unknown(raw, "its step is zero");
        }
        List<PyValue> out = new ArrayList<>();
        for (long i = start; step > 0 ? i < stop : i > stop; i += step) {
          out.add(new Int(i));
          if (out.size() > Budget.MAX_COLLECTION) {
            throw new EvalLimit("`" + raw + "` has more than " + Budget.MAX_COLLECTION + " items");
          }
        }
        return new ListV(out, false);
      }
      case "list", "tuple", "set", "frozenset", "sorted", "reversed", "iter" -> {
        List<PyValue> items = a0 == null ? new ArrayList<>() : Builtins.iterate(a0);
        if (items == null) {
          return Builtins.unknownFrom(a0, raw, "its items are not known statically");
        }
        List<PyValue> out = new ArrayList<>(items);
        if (name.equals("set") || name.equals("frozenset")) {
          List<PyValue> unique = new ArrayList<>();
          for (PyValue v : out) {
            if (!unique.contains(v)) {
              unique.add(v);
            }
          }
          out = unique;
        }
        if (name.equals("sorted")) {
          PyValue reverse = kwargs.get("reverse");
          if (kwargs.containsKey("key") || !sortable(out)) {
            return new Unknown(raw, "the sort order is not known statically");
          }
          out.sort(BuiltinFunctions::order);
          if (reverse instanceof Bool b && b.value()) {
            java.util.Collections.reverse(out);
          }
        }
        if (name.equals("reversed")) {
          java.util.Collections.reverse(out);
        }
        return new ListV(out, name.equals("tuple"));
      }
      case "dict" -> {
        DictV d = new DictV(new LinkedHashMap<>());
        if (a0 instanceof DictV src) {
          d.entries().putAll(src.entries());
        } else if (a0 != null) {
          List<PyValue> pairs = Builtins.iterate(a0);
          if (pairs == null) {
            return Builtins.unknownFrom(a0, raw, "its items are not known statically");
          }
          for (PyValue p : pairs) {
            List<PyValue> kv = Builtins.iterate(p);
            if (kv == null || kv.size() != 2) {
              return new Unknown(raw, "its items are not pairs");
            }
            d.entries().put(kv.get(0), kv.get(1));
          }
        }
        for (Map.Entry<String, PyValue> e : kwargs.entrySet()) {
          d.entries().put(new Str(e.getKey()), e.getValue());
        }
        return d;
      }
      case "enumerate" -> {
        List<PyValue> items = a0 == null ? null : Builtins.iterate(a0);
        if (items == null) {
          return Builtins.unknownFrom(a0, raw, "its items are not known statically");
        }
        long start = args.size() > 1 && args.get(1) instanceof Int i ? i.value()
            : kwargs.get("start") instanceof Int i ? i.value() : 0;
        List<PyValue> out = new ArrayList<>();
        for (PyValue v : items) {
          out.add(new ListV(List.of(new Int(start++), v), true));
        }
        return new ListV(out, false);
      }
      case "zip" -> {
        List<List<PyValue>> lists = new ArrayList<>();
        int min = Integer.MAX_VALUE;
        for (PyValue a : args) {
          List<PyValue> items = Builtins.iterate(a);
          if (items == null) {
            return Builtins.unknownFrom(a, raw, "its items are not known statically");
          }
          lists.add(items);
          min = Math.min(min, items.size());
        }
        List<PyValue> out = new ArrayList<>();
        for (int i = 0; i < (lists.isEmpty() ? 0 : min); i++) {
          List<PyValue> t = new ArrayList<>();
          for (List<PyValue> l : lists) {
            t.add(l.get(i));
          }
          out.add(new ListV(t, true));
        }
        return new ListV(out, false);
      }
      case "min", "max", "sum", "any", "all" -> {
        List<PyValue> items = args.size() == 1 ? Builtins.iterate(a0) : args;
        if (items == null) {
          return Builtins.unknownFrom(a0, raw, "its items are not known statically");
        }
        if (name.equals("any") || name.equals("all")) {
          boolean any = name.equals("any");
          for (PyValue v : items) {
            Boolean t = Builtins.truth(v);
            if (t == null) {
              return new Unknown(raw, "an item is not known statically");
            }
            if (t == any) {
              return new Bool(any);
            }
          }
          return new Bool(!any);
        }
        if (name.equals("sum")) {
          PyValue acc = args.size() > 1 ? args.get(1) : new Int(0);
          for (PyValue v : items) {
            acc = Builtins.binary("+", acc, v);
            if (acc == null) {
              return new Unknown(raw, "an item is not a number");
            }
          }
          return acc;
        }
        if (items.isEmpty() || !sortable(items)) {
          return new Unknown(raw, "the items are not comparable statically");
        }
        List<PyValue> sorted = new ArrayList<>(items);
        sorted.sort(BuiltinFunctions::order);
        return name.equals("min") ? sorted.get(0) : sorted.get(sorted.size() - 1);
      }
      case "abs" -> {
        if (a0 instanceof Int i) {
          return new Int(Math.abs(i.value()));
        }
        if (a0 instanceof Float f) {
          return new Float(Math.abs(f.value()));
        }
        return Builtins.unknownFrom(a0, raw, "it is not a number");
      }
      case "round" -> {
        Double d = Builtins.number(a0);
        if (d == null) {
          return Builtins.unknownFrom(a0, raw, "it is not a number");
        }
        if (args.size() < 2) {
          return new Int(Math.round(d));
        }
        return new Unknown(raw, "rounding to digits is not evaluated");
      }
      case "isinstance", "hasattr", "getattr", "callable", "issubclass", "type", "id", "hash" -> {
        return new Unknown(raw, "`" + name + "` is not evaluated statically");
      }
      case "chr" -> {
        return a0 instanceof Int i && Character.isValidCodePoint((int) i.value())
            ? new Str(new String(Character.toChars((int) i.value()))) : new Unknown(raw, "it is not a code point");
      }
      case "ord" -> {
        return a0 instanceof Str s && s.value().codePointCount(0, s.value().length()) == 1
            ? new Int(s.value().codePointAt(0)) : new Unknown(raw, "it is not one character");
      }
      case "format" -> {
        String s = a0 == null ? null : Strings.formatSpec(a0, args.size() > 1 && args.get(1) instanceof Str f ? f.value() : "");
        return s == null ? new Unknown(raw, "its text is not known statically") : new Str(s);
      }
      case "open", "input", "exec", "eval", "compile", "__import__", "globals", "locals", "vars", "next" -> {
        return new Unknown(raw, "`" + name + "` is never run by the reader");
      }
      default -> {
        return new Unknown(raw, "`" + name + "` is not evaluated statically");
      }
    }
  }

  static boolean sortable(List<PyValue> items) {
    boolean numbers = items.stream().allMatch(v -> Builtins.number(v) != null);
    boolean strings = items.stream().allMatch(v -> v instanceof Str);
    return numbers || strings;
  }

  static int order(PyValue a, PyValue b) {
    Double x = Builtins.number(a);
    Double y = Builtins.number(b);
    if (x != null && y != null) {
      return Double.compare(x, y);
    }
    return ((Str) a).value().compareTo(((Str) b).value());
  }
}
