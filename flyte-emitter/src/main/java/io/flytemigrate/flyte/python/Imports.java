package io.flytemigrate.flyte.python;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The imports of one module, written sorted in three groups (standard library, third party, the
 * project itself) as isort would, one {@code from} line per module.
 */
final class Imports {
  private final TreeSet<String> plainStd = new TreeSet<>();
  private final Map<String, TreeSet<String>> fromStd = new TreeMap<>();
  private final Map<String, TreeSet<String>> fromThird = new TreeMap<>();
  private final Map<String, TreeSet<String>> fromLocal = new TreeMap<>();

  Imports std(String module) {
    plainStd.add(module);
    return this;
  }

  Imports fromStd(String module, String name) {
    fromStd.computeIfAbsent(module, k -> new TreeSet<>(Imports::compareNames)).add(name);
    return this;
  }

  Imports from(String module, String name) {
    fromThird.computeIfAbsent(module, k -> new TreeSet<>(Imports::compareNames)).add(name);
    return this;
  }

  Imports local(String module, String name) {
    fromLocal.computeIfAbsent(module, k -> new TreeSet<>(Imports::compareNames)).add(name);
    return this;
  }

  /** isort's default order: constants, classes, then functions (case-sensitive). */
  private static int compareNames(String a, String b) {
    int ka = kind(a.split(" ")[0]);
    int kb = kind(b.split(" ")[0]);
    return ka != kb ? Integer.compare(ka, kb) : a.compareTo(b);
  }

  private static int kind(String n) {
    if (n.equals(n.toUpperCase(java.util.Locale.ROOT)) && n.length() > 1) {
      return 0;
    }
    return Character.isUpperCase(n.charAt(0)) ? 1 : 2;
  }

  void write(PySource src) {
    List<List<String>> groups = new ArrayList<>();
    List<String> std = new ArrayList<>();
    for (String m : plainStd) {
      std.add("import " + m);
    }
    fromStd.forEach((m, names) -> std.add(fromLine(m, names)));
    groups.add(std);
    List<String> third = new ArrayList<>();
    fromThird.forEach((m, names) -> third.add(fromLine(m, names)));
    groups.add(third);
    List<String> local = new ArrayList<>();
    fromLocal.forEach((m, names) -> local.add(fromLine(m, names)));
    groups.add(local);
    for (List<String> g : groups) {
      if (g.isEmpty()) {
        continue;
      }
      src.blank(1);
      for (String l : g) {
        if (l.startsWith("from ") && l.length() > PyLayout.WIDTH) {
          int cut = l.indexOf(" import ") + " import ".length();
          List<PyExpr> items = new ArrayList<>();
          for (String n : l.substring(cut).split(", ")) {
            items.add(PyExpr.atom(n));
          }
          src.expr(l.substring(0, cut), new PyExpr.Seq("(", ")", items), "");
        } else {
          src.line(l);
        }
      }
    }
  }

  private static String fromLine(String module, TreeSet<String> names) {
    return "from " + module + " import " + String.join(", ", names);
  }
}
