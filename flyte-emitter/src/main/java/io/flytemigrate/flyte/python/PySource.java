package io.flytemigrate.flyte.python;

import java.util.List;

/**
 * Builds one Python module as text: lines at the current indentation, blank lines as black puts
 * them (two around top-level definitions), expressions through {@link PyLayout}. Output always
 * ends with exactly one newline and has no trailing spaces.
 */
final class PySource {
  private final StringBuilder out = new StringBuilder();
  private int indent;
  private int pendingBlank;

  /** A line at the current indentation. */
  PySource line(String text) {
    flushBlank();
    if (text.isEmpty()) {
      out.append('\n');
    } else {
      out.append(" ".repeat(indent)).append(text).append('\n');
    }
    return this;
  }

  /** A line exactly as given, without indentation (verbatim source). */
  PySource raw(String text) {
    flushBlank();
    out.append(text.stripTrailing().isEmpty() ? "" : text).append('\n');
    return this;
  }

  /** A statement {@code prefix + e + suffix}, broken as black would. */
  PySource expr(String prefix, PyExpr e, String suffix) {
    flushBlank();
    for (String l : PyLayout.render(e, indent, prefix, suffix)) {
      out.append(l).append('\n');
    }
    return this;
  }

  /** Whether a line fits at the current indentation. */
  boolean fits(String line) {
    return indent + line.length() <= PyLayout.WIDTH;
  }

  /** Asks for at least {@code n} blank lines before the next line (none at the start of a file). */
  PySource blank(int n) {
    pendingBlank = Math.max(pendingBlank, n);
    return this;
  }

  PySource indent() {
    indent += 4;
    return this;
  }

  PySource dedent() {
    indent -= 4;
    pendingBlank = 0;
    return this;
  }

  /** A comment line, {@code # text}. */
  PySource comment(String text) {
    return line(text.isEmpty() ? "#" : "# " + text);
  }

  /** A docstring at the current indentation; several lines keep black's layout. */
  PySource docstring(String text) {
    List<String> lines = List.of(text.strip().replace("\\", "\\\\").replace("\"\"\"", "\\\"\\\"\\\"").split("\n", -1));
    if (lines.size() == 1) {
      String l = lines.get(0).strip();
      if (l.endsWith("\"")) {
        l = l + " ";
      }
      return line("\"\"\"" + l + "\"\"\"");
    }
    line("\"\"\"" + lines.get(0).strip());
    for (int i = 1; i < lines.size(); i++) {
      line(lines.get(i).stripTrailing().isEmpty() ? "" : lines.get(i).stripTrailing());
    }
    return line("\"\"\"");
  }

  private void flushBlank() {
    if (out.length() > 0) {
      for (int i = 0; i < pendingBlank; i++) {
        out.append('\n');
      }
    }
    pendingBlank = 0;
  }

  String text() {
    String s = out.toString();
    while (s.endsWith("\n\n")) {
      s = s.substring(0, s.length() - 1);
    }
    return s.isEmpty() ? "" : s;
  }
}
