package io.flytemigrate.kfp.v1;

import io.flytemigrate.ir.Arg;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the literal file paths of an Argo template's input artifacts and outputs, as they appear
 * on its command line, back into placeholders. The KFP 1.x compiler replaces {@code inputPath}
 * and {@code outputPath} with fixed paths ({@code /tmp/inputs/x/data}), and hand-written
 * {@code file_outputs} name the file the program writes ({@code ... | tee /tmp/output}); Flyte
 * chooses those paths itself, so each occurrence becomes an {@link Arg.InputRef} or {@link
 * Arg.OutputRef}. A path matches only as a whole path: not as part of a longer one.
 */
final class PathRefs {
  private PathRefs() {}

  /**
   * @param refs each path and the placeholder that replaces it
   * @param found receives every path that was found
   */
  static List<Arg> substitute(List<Arg> args, Map<String, Arg> refs, Set<String> found) {
    if (refs.isEmpty()) {
      return args;
    }
    // An empty path (a template whose artifact has `path: ""`) is no path: it would match
    // everywhere without moving on.
    List<String> paths = new ArrayList<>(refs.keySet().stream().filter(p -> !p.isEmpty()).toList());
    if (paths.isEmpty()) {
      return args;
    }
    paths.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
    List<Arg> out = new ArrayList<>();
    for (Arg a : args) {
      out.add(arg(a, paths, refs, found));
    }
    return out;
  }

  private static Arg arg(Arg a, List<String> paths, Map<String, Arg> refs, Set<String> found) {
    if (a instanceof Arg.Literal l) {
      List<Arg> parts = literal(l.text(), paths, refs, found);
      return parts.size() == 1 ? parts.get(0) : new Arg.Concat(parts);
    }
    if (a instanceof Arg.Concat c) {
      List<Arg> parts = new ArrayList<>();
      for (Arg p : c.parts()) {
        Arg x = arg(p, paths, refs, found);
        if (x instanceof Arg.Concat inner) {
          parts.addAll(inner.parts());
        } else {
          parts.add(x);
        }
      }
      return new Arg.Concat(parts);
    }
    if (a instanceof Arg.IfPresent i) {
      return new Arg.IfPresent(i.input(), substitute(i.then(), refs, found), substitute(i.otherwise(), refs, found));
    }
    return a;
  }

  private static List<Arg> literal(String text, List<String> paths, Map<String, Arg> refs, Set<String> found) {
    List<Arg> out = new ArrayList<>();
    StringBuilder pending = new StringBuilder();
    int i = 0;
    outer:
    while (i < text.length()) {
      for (String p : paths) {
        if (text.startsWith(p, i) && boundaryBefore(text, i) && boundaryAfter(text, i + p.length())) {
          if (pending.length() > 0) {
            out.add(new Arg.Literal(pending.toString()));
            pending.setLength(0);
          }
          out.add(refs.get(p));
          found.add(p);
          i += p.length();
          continue outer;
        }
      }
      pending.append(text.charAt(i++));
    }
    if (pending.length() > 0 || out.isEmpty()) {
      out.add(new Arg.Literal(pending.toString()));
    }
    return out;
  }

  private static boolean boundaryBefore(String text, int i) {
    return i == 0 || !pathChar(text.charAt(i - 1));
  }

  private static boolean boundaryAfter(String text, int i) {
    return i >= text.length() || !(pathChar(text.charAt(i)) || text.charAt(i) == '/');
  }

  private static boolean pathChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.' || c == '~';
  }
}
