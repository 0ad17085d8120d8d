package io.flytemigrate.report;

/**
 * Puts user text into GitHub-flavoured Markdown so that it shows as written and cannot end a
 * table cell, start a heading, open a link or inject HTML. Everything becomes one line.
 */
final class MarkdownText {
  private static final String ESCAPED = "\\`*_[]<>|&~$#!";

  private MarkdownText() {}

  /** An inline code span holding {@code s} verbatim, outside tables; empty for an empty string. */
  static String code(String s) {
    return code(s, false);
  }

  /** {@link #code(String)} for a table cell, where GFM needs {@code |} escaped even in code. */
  static String cellCode(String s) {
    return code(s, true);
  }

  private static String code(String s, boolean cell) {
    String line = ShortLabel.oneLine(s);
    if (line.isEmpty()) {
      return "";
    }
    String fence = "`".repeat(longestRun(line, '`') + 1);
    boolean pad = line.startsWith("`") || line.endsWith("`");
    String inner = pad ? " " + line + " " : line;
    return fence + (cell ? inner.replace("|", "\\|") : inner) + fence;
  }

  /**
   * Prose as written. Text in backticks, as diagnostic messages and parity reasons write
   * identifiers, stays code; when the backticks do not pair up, they are shown as they are.
   */
  static String text(String s) {
    return text(s, false);
  }

  /** {@link #text(String)} for a table cell. */
  static String cellText(String s) {
    return text(s, true);
  }

  private static String text(String s, boolean cell) {
    String line = ShortLabel.oneLine(s);
    String[] parts = line.split("`", -1);
    if (parts.length % 2 == 0) {
      return escape(line);
    }
    var b = new StringBuilder();
    for (int i = 0; i < parts.length; i++) {
      if (i % 2 == 0) {
        b.append(escape(parts[i]));
      } else {
        b.append(parts[i].isEmpty() ? "\\`\\`" : code(parts[i], cell));
      }
    }
    return b.toString();
  }

  /** A fence of backticks longer than any run of backticks in {@code content}, at least three. */
  static String fence(String content) {
    return "`".repeat(Math.max(3, longestRun(content, '`') + 1));
  }

  private static String escape(String s) {
    var b = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (ESCAPED.indexOf(c) >= 0) {
        b.append('\\');
      }
      b.append(c);
    }
    return b.toString();
  }

  private static int longestRun(String s, char c) {
    int longest = 0;
    int run = 0;
    for (int i = 0; i < s.length(); i++) {
      run = s.charAt(i) == c ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    return longest;
  }
}
