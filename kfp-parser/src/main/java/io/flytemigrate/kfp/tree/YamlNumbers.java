package io.flytemigrate.kfp.tree;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Numbers as YAML 1.1 and PyYAML (which wrote the files we read) resolve them: floats need a dot,
 * ints may be binary ({@code 0b101}), octal ({@code 017}), hex ({@code 0x1F}) or sexagesimal
 * ({@code 1:30}), with {@code _} separators. These are the YAML spec's own regular expressions,
 * applied to one scalar's text.
 */
final class YamlNumbers {
  private static final Pattern PY_FLOAT = Pattern.compile(
      "[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+][0-9]+)?|\\.[0-9_]+(?:[eE][-+][0-9]+)?"
          + "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN)");

  private YamlNumbers() {}

  static boolean isPyYamlFloat(String text) {
    return PY_FLOAT.matcher(text).matches();
  }

  /** The value of a YAML 1.1 int, or empty if the text is not one. */
  static Optional<Long> parseInt(String text) {
    String t = text.replace("_", "");
    boolean negative = t.startsWith("-");
    if (t.startsWith("-") || t.startsWith("+")) {
      t = t.substring(1);
    }
    try {
      long v;
      if (t.startsWith("0b")) {
        v = Long.parseLong(t.substring(2), 2);
      } else if (t.startsWith("0x")) {
        v = Long.parseLong(t.substring(2), 16);
      } else if (t.contains(":")) {
        v = 0;
        for (String part : t.split(":")) {
          v = v * 60 + Long.parseLong(part);
        }
      } else if (t.length() > 1 && t.startsWith("0")) {
        v = Long.parseLong(t.substring(1), 8);
      } else {
        v = Long.parseLong(t);
      }
      return Optional.of(negative ? -v : v);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
