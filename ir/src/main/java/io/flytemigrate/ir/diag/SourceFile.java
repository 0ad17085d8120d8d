package io.flytemigrate.ir.diag;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * The text of one input, with the path shown to users (relative, never absolute in outputs). Line
 * starts are computed once, lazily, for renderers that show source lines.
 */
public final class SourceFile {
  private final String path;
  private final String text;
  private int[] lineStarts;

  public SourceFile(String path, String text) {
    this.path = Objects.requireNonNull(path, "path");
    this.text = Objects.requireNonNull(text, "text");
  }

  /** The path users see in diagnostics. */
  public String path() {
    return path;
  }

  public String text() {
    return text;
  }

  /** The text of 1-based line {@code line} without its line break, if the file has that line. */
  public Optional<String> line(int line) {
    int[] starts = lineStarts();
    if (line < 1 || line > starts.length) {
      return Optional.empty();
    }
    int start = starts[line - 1];
    int end = line < starts.length ? starts[line] : text.length();
    String s = text.substring(start, end);
    while (s.endsWith("\n") || s.endsWith("\r")) {
      s = s.substring(0, s.length() - 1);
    }
    return Optional.of(s);
  }

  /** 1-based line and column of a 0-based character offset. */
  public int[] position(int offset) {
    int[] starts = lineStarts();
    int index = Arrays.binarySearch(starts, offset);
    int lineIndex = index >= 0 ? index : -index - 2;
    return new int[] {lineIndex + 1, offset - starts[lineIndex] + 1};
  }

  private int[] lineStarts() {
    if (lineStarts == null) {
      int count = 1;
      for (int i = 0; i < text.length(); i++) {
        if (text.charAt(i) == '\n') {
          count++;
        }
      }
      int[] starts = new int[count];
      int n = 1;
      for (int i = 0; i < text.length(); i++) {
        if (text.charAt(i) == '\n') {
          starts[n++] = i + 1;
        }
      }
      lineStarts = starts;
    }
    return lineStarts;
  }
}
