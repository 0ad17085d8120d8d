package io.flytemigrate.report;

/**
 * Labels as drawings show them: on one line, white space and control characters collapsed to
 * single spaces, and cut to a length a node can hold, with an ellipsis. The full label stays in
 * the tables (and in the SVG tooltip).
 */
final class ShortLabel {
  /** The most characters a drawn label keeps, ellipsis included. */
  static final int MAX = 60;

  private ShortLabel() {}

  /** The label on one line, not shortened. */
  static String oneLine(String label) {
    var b = new StringBuilder(label.length());
    boolean space = false;
    for (int i = 0; i < label.length(); i++) {
      char c = label.charAt(i);
      if (Character.isWhitespace(c) || Character.isISOControl(c)) {
        space = b.length() > 0;
      } else {
        if (space) {
          b.append(' ');
          space = false;
        }
        b.append(c);
      }
    }
    return b.toString();
  }

  /** The label on one line and at most {@link #MAX} characters long. */
  static String of(String label) {
    String s = oneLine(label);
    if (s.codePointCount(0, s.length()) <= MAX) {
      return s;
    }
    int end = s.offsetByCodePoints(0, MAX - 1);
    return s.substring(0, end).stripTrailing() + "\u2026";
  }
}
