package io.flytemigrate.flyte.python;

import java.util.ArrayList;
import java.util.List;

/**
 * Lays Python expressions out as black does at 88 columns: on one line when it fits; otherwise one
 * bracket is exploded, one element per line with a trailing comma (black keeps such "magic
 * trailing commas" as they are), preferring the last bracket whose opening line fits, as black's
 * right-hand split does. Fluent chains are broken one link per line inside parentheses.
 */
final class PyLayout {
  static final int WIDTH = 88;

  private PyLayout() {}

  /** The one-line text of an expression. */
  static String text(PyExpr e) {
    if (e instanceof PyExpr.Atom a) {
      return a.text();
    }
    if (e instanceof PyExpr.Call c) {
      return text(c.callee()) + "(" + join(c.args()) + ")";
    }
    if (e instanceof PyExpr.Attr a) {
      return text(a.base()) + "." + a.name();
    }
    if (e instanceof PyExpr.Kw k) {
      return k.name() + "=" + text(k.value());
    }
    if (e instanceof PyExpr.Prefixed p) {
      return p.prefix() + text(p.value());
    }
    if (e instanceof PyExpr.Seq s) {
      String inner = join(s.items());
      if (s.open().equals("(") && s.items().size() == 1) {
        inner = inner + ",";
      }
      return s.open() + inner + s.close();
    }
    if (e instanceof PyExpr.Dict d) {
      List<String> parts = new ArrayList<>();
      for (PyExpr.Entry en : d.entries()) {
        parts.add(text(en.key()) + ": " + text(en.value()));
      }
      return "{" + String.join(", ", parts) + "}";
    }
    if (e instanceof PyExpr.DictItem d) {
      return text(d.key()) + ": " + text(d.value());
    }
    if (e instanceof PyExpr.Fluent f) {
      StringBuilder b = new StringBuilder(text(f.head()));
      for (PyExpr.Call link : f.links()) {
        b.append(text(link));
      }
      return b.toString();
    }
    throw new AssertionError(e);
  }

  private static String join(List<PyExpr> items) {
    List<String> parts = new ArrayList<>();
    for (PyExpr i : items) {
      parts.add(text(i));
    }
    return String.join(", ", parts);
  }

  /**
   * The lines of {@code prefix + e + suffix} at {@code indent} spaces.
   *
   * @param prefix text before the expression on its first line, e.g. {@code x = } or {@code return }
   * @param suffix text after it on its last line, e.g. {@code ,} or {@code :}
   */
  static List<String> render(PyExpr e, int indent, String prefix, String suffix) {
    String pad = " ".repeat(indent);
    String one = prefix + text(e) + suffix;
    if (indent + one.length() <= WIDTH) {
      return List.of(pad + one);
    }
    if (e instanceof PyExpr.Fluent f) {
      List<String> out = new ArrayList<>();
      out.add(pad + prefix + "(");
      out.addAll(render(f.head(), indent + 4, "", ""));
      for (PyExpr.Call link : f.links()) {
        out.addAll(render(link, indent + 4, "", ""));
      }
      out.add(pad + ")" + suffix);
      return out;
    }
    if (e instanceof PyExpr.Kw k) {
      return render(k.value(), indent, prefix + k.name() + "=", suffix);
    }
    if (e instanceof PyExpr.Prefixed p) {
      return render(p.value(), indent, prefix + p.prefix(), suffix);
    }
    List<Split> splits = splits(e, "", "");
    if (splits.isEmpty()) {
      return List.of(pad + one);
    }
    Split chosen = null;
    for (int i = splits.size() - 1; i >= 0; i--) {
      Split s = splits.get(i);
      if (indent + prefix.length() + s.head().length() <= WIDTH
          && indent + s.close().length() + s.tail().length() + suffix.length() <= WIDTH) {
        chosen = s;
        break;
      }
    }
    if (chosen == null && prefix.endsWith(" = ") && suffix.isEmpty()) {
      // black wraps a right-hand side that cannot be split well in parentheses
      List<String> out = new ArrayList<>();
      out.add(pad + prefix + "(");
      out.addAll(render(e, indent + 4, "", ""));
      out.add(pad + ")");
      return out;
    }
    if (chosen == null) {
      chosen = splits.get(0);
    }
    List<String> out = new ArrayList<>();
    out.add(pad + prefix + chosen.head());
    for (PyExpr item : chosen.items()) {
      out.addAll(renderItem(item, indent + 4));
    }
    out.add(pad + chosen.close() + chosen.tail() + suffix);
    return out;
  }

  private static List<String> renderItem(PyExpr item, int indent) {
    if (item instanceof PyExpr.DictItem d) {
      return render(d.value(), indent, text(d.key()) + ": ", ",");
    }
    return render(item, indent, "", ",");
  }

  /** A bracket that can be exploded: the text before it (with the opening bracket), its items, and after. */
  private record Split(String head, List<PyExpr> items, String close, String tail) {}

  /** Every explodable bracket along the expression's spine, outermost (leftmost opening) first. */
  private static List<Split> splits(PyExpr e, String before, String after) {
    List<Split> out = new ArrayList<>();
    if (e instanceof PyExpr.Call c) {
      out.addAll(splits(c.callee(), before, "(" + join(c.args()) + ")" + after));
      if (!c.args().isEmpty()) {
        out.add(new Split(before + text(c.callee()) + "(", c.args(), ")", after));
      }
    } else if (e instanceof PyExpr.Attr a) {
      out.addAll(splits(a.base(), before, "." + a.name() + after));
    } else if (e instanceof PyExpr.Seq s && !s.items().isEmpty()) {
      out.add(new Split(before + s.open(), s.items(), s.close(), after));
    } else if (e instanceof PyExpr.Dict d && !d.entries().isEmpty()) {
      List<PyExpr> items = new ArrayList<>();
      for (PyExpr.Entry en : d.entries()) {
        items.add(new PyExpr.DictItem(en.key(), en.value()));
      }
      out.add(new Split(before + "{", items, "}", after));
    }
    return out;
  }
}
