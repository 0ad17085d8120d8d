package io.flytemigrate.flyte.lower;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds a function inside the program text a KFP lightweight component ships (its imports, then
 * the function). This is a <em>layout-based line scan, not a Python parser</em>: it relies on how
 * KFP writes these programs (the function's {@code def <name>(} line at column 0, its body
 * indented below it, decorators removed) and on nothing else. The signature ends at the first
 * line where brackets are balanced and the line ends with {@code :}; string literals and comments
 * are skipped while counting brackets. The function ends before the next non-blank line at column
 * 0. Text is returned verbatim; nothing is rewritten.
 */
final class FunctionSource {
  private FunctionSource() {}

  /**
   * The parts of the program around the function.
   *
   * @param preamble the lines before the function, without leading and trailing blank lines
   * @param definition the signature and body lines, without trailing blank lines
   * @param signatureLines how many lines of {@code definition} are the signature
   * @param trailing non-blank lines after the function (which KFP never writes), if any
   */
  record Found(String preamble, String definition, int signatureLines, List<String> trailing) {}

  static Optional<Found> find(String program, String functionName) {
    List<String> lines = List.of(program.replace("\r\n", "\n").split("\n", -1));
    String head = "def " + functionName + "(";
    int start = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(head)) {
        start = i;
        break;
      }
    }
    if (start < 0) {
      return Optional.empty();
    }
    int depth = 0;
    int sigEnd = -1;
    for (int i = start; i < lines.size() && sigEnd < 0; i++) {
      depth += bracketDelta(lines.get(i));
      if (depth <= 0 && codePart(lines.get(i)).stripTrailing().endsWith(":")) {
        sigEnd = i;
      }
    }
    if (sigEnd < 0) {
      return Optional.empty();
    }
    int end = sigEnd + 1;
    while (end < lines.size() && (lines.get(end).isBlank() || Character.isWhitespace(lines.get(end).charAt(0)))) {
      end++;
    }
    int bodyEnd = end;
    while (bodyEnd > sigEnd + 1 && lines.get(bodyEnd - 1).isBlank()) {
      bodyEnd--;
    }
    if (bodyEnd == sigEnd + 1) {
      return Optional.empty();
    }
    List<String> trailing = new ArrayList<>();
    for (int i = end; i < lines.size(); i++) {
      if (!lines.get(i).isBlank()) {
        trailing.add(lines.get(i));
      }
    }
    return Optional.of(new Found(
        trim(lines.subList(0, start)),
        String.join("\n", lines.subList(start, bodyEnd)),
        sigEnd - start + 1,
        trailing));
  }

  /**
   * Whether a preamble is only single-line {@code import}/{@code from} statements at column 0 (and
   * blank lines or comments): then a native task may share the tasks module with others.
   */
  static boolean onlyImports(String preamble) {
    for (String l : preamble.split("\n", -1)) {
      if (!(l.isBlank() || l.startsWith("#") || ((l.startsWith("import ") || l.startsWith("from "))
          && !l.contains("(") && !l.endsWith("\\")))) {
        return false;
      }
    }
    return true;
  }

  private static String trim(List<String> lines) {
    int a = 0;
    int b = lines.size();
    while (a < b && lines.get(a).isBlank()) {
      a++;
    }
    while (b > a && lines.get(b - 1).isBlank()) {
      b--;
    }
    return String.join("\n", lines.subList(a, b));
  }

  /** Opening minus closing brackets on one line, outside string literals and comments. */
  private static int bracketDelta(String line) {
    int delta = 0;
    String code = codePart(line);
    char quote = 0;
    for (int i = 0; i < code.length(); i++) {
      char c = code.charAt(i);
      if (quote != 0) {
        if (c == '\\') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '(' || c == '[' || c == '{') {
        delta++;
      } else if (c == ')' || c == ']' || c == '}') {
        delta--;
      }
    }
    return delta;
  }

  /** The line without a trailing {@code #} comment (a {@code #} inside quotes does not count). */
  private static String codePart(String line) {
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        if (c == '\\') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '#') {
        return line.substring(0, i);
      }
    }
    return line;
  }
}
