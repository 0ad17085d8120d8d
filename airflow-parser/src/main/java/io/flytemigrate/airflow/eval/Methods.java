package io.flytemigrate.airflow.eval;

import io.flytemigrate.airflow.model.PyValue;
import io.flytemigrate.airflow.model.PyValue.Bool;
import io.flytemigrate.airflow.model.PyValue.DictV;
import io.flytemigrate.airflow.model.PyValue.Int;
import io.flytemigrate.airflow.model.PyValue.ListV;
import io.flytemigrate.airflow.model.PyValue.Str;
import io.flytemigrate.airflow.model.PyValue.Unknown;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The methods of known {@code str}, {@code list} and {@code dict} values ({@code "sep".join},
 * {@code names.append}, {@code d.get(k)}, ...), with Python's semantics. Lists and dicts change in
 * place, as DAG files rely on.
 */
final class Methods {
  private Methods() {}

  /** A method of a known str, list or dict; null when {@code self} is none of them. */
  static PyValue method(PyValue self, String name, List<PyValue> args, Map<String, PyValue> kwargs, String raw) {
    PyValue a0 = args.isEmpty() ? null : args.get(0);
    if (self instanceof Str s) {
      return strMethod(s.value(), name, args, kwargs, raw);
    }
    if (self instanceof ListV l) {
      switch (name) {
        case "append" -> {
          l.items().add(a0 == null ? PyValue.NONE : a0);
          if (l.items().size() > Budget.MAX_COLLECTION) {
            throw new EvalLimit("a list grows beyond " + Budget.MAX_COLLECTION + " items");
          }
          return PyValue.NONE;
        }
        case "extend" -> {
          List<PyValue> items = a0 == null ? null : Builtins.iterate(a0);
          if (items == null) {
            l.items().add(Builtins.unknownFrom(a0, raw, "its items are not known statically"));
          } else {
            l.items().addAll(new ArrayList<>(items));
          }
          return PyValue.NONE;
        }
        case "insert" -> {
          if (a0 instanceof Int i && args.size() > 1) {
            int idx = (int) Math.max(0, Math.min(i.value() < 0 ? i.value() + l.items().size() : i.value(), l.items().size()));
            l.items().add(idx, args.get(1));
          }
          return PyValue.NONE;
        }
        case "copy" -> {
          return new ListV(l.items(), l.tuple());
        }
        case "pop" -> {
          if (l.items().isEmpty()) {
            return new Unknown(raw, "the list is empty");
          }
          int idx = a0 instanceof Int i ? (int) (i.value() < 0 ? i.value() + l.items().size() : i.value()) : l.items().size() - 1;
          return idx >= 0 && idx < l.items().size() ? l.items().remove(idx) : new Unknown(raw, "the index is out of range");
        }
        case "index" -> {
          for (int i = 0; i < l.items().size(); i++) {
            if (Boolean.TRUE.equals(Builtins.equal(l.items().get(i), a0))) {
              return new Int(i);
            }
          }
          return new Unknown(raw, "the item is not in the list");
        }
        case "count" -> {
          long c = l.items().stream().filter(x -> Boolean.TRUE.equals(Builtins.equal(x, a0))).count();
          return new Int(c);
        }
        case "sort" -> {
          if (BuiltinFunctions.sortable(l.items()) && !kwargs.containsKey("key")) {
            l.items().sort(BuiltinFunctions::order);
          }
          return PyValue.NONE;
        }
        case "reverse" -> {
          java.util.Collections.reverse(l.items());
          return PyValue.NONE;
        }
        default -> {
          return new Unknown(raw, "`list." + name + "` is not evaluated");
        }
      }
    }
    if (self instanceof DictV d) {
      switch (name) {
        case "get" -> {
          PyValue v = a0 == null ? null : d.entries().get(a0);
          if (v == null && a0 instanceof Unknown) {
            return new Unknown(raw, "the key is not known statically");
          }
          return v != null ? v : args.size() > 1 ? args.get(1) : PyValue.NONE;
        }
        case "items" -> {
          List<PyValue> out = new ArrayList<>();
          for (Map.Entry<PyValue, PyValue> e : d.entries().entrySet()) {
            out.add(new ListV(List.of(e.getKey(), e.getValue()), true));
          }
          return new ListV(out, false);
        }
        case "keys" -> {
          return new ListV(new ArrayList<>(d.entries().keySet()), false);
        }
        case "values" -> {
          return new ListV(new ArrayList<>(d.entries().values()), false);
        }
        case "update" -> {
          if (a0 instanceof DictV other) {
            d.entries().putAll(other.entries());
          }
          for (Map.Entry<String, PyValue> e : kwargs.entrySet()) {
            d.entries().put(new Str(e.getKey()), e.getValue());
          }
          return PyValue.NONE;
        }
        case "copy" -> {
          return new DictV(d.entries());
        }
        case "setdefault" -> {
          return d.entries().computeIfAbsent(a0, k -> args.size() > 1 ? args.get(1) : PyValue.NONE);
        }
        case "pop" -> {
          PyValue v = a0 == null ? null : d.entries().remove(a0);
          return v != null ? v : args.size() > 1 ? args.get(1) : new Unknown(raw, "the key is not in the dict");
        }
        default -> {
          return new Unknown(raw, "`dict." + name + "` is not evaluated");
        }
      }
    }
    return null;
  }

  private static PyValue strMethod(String s, String name, List<PyValue> args, Map<String, PyValue> kwargs, String raw) {
    PyValue a0 = args.isEmpty() ? null : args.get(0);
    String arg = a0 instanceof Str x ? x.value() : null;
    switch (name) {
      case "format" -> {
        return Strings.format(s, args, kwargs, raw);
      }
      case "join" -> {
        List<PyValue> items = a0 == null ? null : Builtins.iterate(a0);
        if (items == null) {
          return Builtins.unknownFrom(a0, raw, "its items are not known statically");
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < items.size(); i++) {
          if (!(items.get(i) instanceof Str x)) {
            return Builtins.unknownFrom(items.get(i), raw, "an item is not a known string");
          }
          b.append(i == 0 ? "" : s).append(x.value());
        }
        return new Str(b.toString());
      }
      case "replace" -> {
        if (arg != null && args.size() > 1 && args.get(1) instanceof Str to) {
          return new Str(s.replace(arg, to.value()));
        }
        return new Unknown(raw, "its arguments are not known statically");
      }
      case "lower" -> {
        return new Str(s.toLowerCase(Locale.ROOT));
      }
      case "upper" -> {
        return new Str(s.toUpperCase(Locale.ROOT));
      }
      case "strip", "lstrip", "rstrip" -> {
        String chars = arg == null ? " \t\n\r\u000b\f" : arg;
        int a = 0;
        int b = s.length();
        if (!name.equals("rstrip")) {
          while (a < b && chars.indexOf(s.charAt(a)) >= 0) {
            a++;
          }
        }
        if (!name.equals("lstrip")) {
          while (b > a && chars.indexOf(s.charAt(b - 1)) >= 0) {
            b--;
          }
        }
        return new Str(s.substring(a, b));
      }
      case "split", "rsplit" -> {
        List<PyValue> out = new ArrayList<>();
        if (arg == null) {
          for (String part : s.strip().split("\\s+")) {
            if (!part.isEmpty()) {
              out.add(new Str(part));
            }
          }
        } else if (!arg.isEmpty()) {
          for (String part : s.split(java.util.regex.Pattern.quote(arg), -1)) {
            out.add(new Str(part));
          }
        }
        return new ListV(out, false);
      }
      case "splitlines" -> {
        List<PyValue> out = new ArrayList<>();
        for (String part : s.split("\r?\n", -1)) {
          out.add(new Str(part));
        }
        if (!out.isEmpty() && s.endsWith("\n")) {
          out.remove(out.size() - 1);
        }
        return new ListV(out, false);
      }
      case "startswith", "endswith" -> {
        if (arg == null) {
          return new Unknown(raw, "its argument is not known statically");
        }
        return new Bool(name.equals("startswith") ? s.startsWith(arg) : s.endsWith(arg));
      }
      case "title" -> {
        StringBuilder b = new StringBuilder();
        boolean up = true;
        for (char c : s.toCharArray()) {
          b.append(up ? Character.toUpperCase(c) : Character.toLowerCase(c));
          up = !Character.isLetter(c);
        }
        return new Str(b.toString());
      }
      case "capitalize" -> {
        return new Str(s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1).toLowerCase(Locale.ROOT));
      }
      case "zfill" -> {
        if (a0 instanceof Int w && s.length() < w.value()) {
          return new Str("0".repeat((int) (w.value() - s.length())) + s);
        }
        return new Str(s);
      }
      case "isdigit", "isnumeric" -> {
        return new Bool(!s.isEmpty() && s.chars().allMatch(Character::isDigit));
      }
      case "find", "index" -> {
        return arg == null ? new Unknown(raw, "its argument is not known statically") : new Int(s.indexOf(arg));
      }
      case "count" -> {
        if (arg == null || arg.isEmpty()) {
          return new Unknown(raw, "its argument is not known statically");
        }
        return new Int((s.length() - s.replace(arg, "").length()) / arg.length());
      }
      case "partition" -> {
        if (arg == null) {
          return new Unknown(raw, "its argument is not known statically");
        }
        int i = s.indexOf(arg);
        return i < 0 ? new ListV(List.of(new Str(s), new Str(""), new Str("")), true)
            : new ListV(List.of(new Str(s.substring(0, i)), new Str(arg), new Str(s.substring(i + arg.length()))), true);
      }
      case "encode", "decode" -> {
        return new Str(s);
      }
      default -> {
        return new Unknown(raw, "`str." + name + "` is not evaluated");
      }
    }
  }
}
