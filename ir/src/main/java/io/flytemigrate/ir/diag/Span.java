package io.flytemigrate.ir.diag;

import java.util.Objects;

/**
 * Where something is in a source file: 1-based line and column of its start and of its end
 * (end inclusive of the last character's column + 1, i.e. half-open). Columns count characters,
 * not bytes. {@link #NONE} marks things the tool synthesised.
 */
public record Span(String file, int line, int column, int endLine, int endColumn) {
  /** The span of something with no place in any input. */
  public static final Span NONE = new Span("", 0, 0, 0, 0);

  public Span {
    Objects.requireNonNull(file, "file");
    if (line < 0 || column < 0 || endLine < line || (endLine == line && endColumn < column)) {
      throw new IllegalArgumentException(
          "bad span " + file + ":" + line + ":" + column + "-" + endLine + ":" + endColumn);
    }
  }

  /** A span covering one point. */
  public static Span at(String file, int line, int column) {
    return new Span(file, line, column, line, column);
  }

  /** Whether this span points into a file. */
  public boolean isKnown() {
    return !file.isEmpty() && line > 0;
  }

  /** {@code file:line:col}, or {@code <generated>} for {@link #NONE}. */
  public String location() {
    if (!isKnown()) {
      return file.isEmpty() ? "<generated>" : file;
    }
    return file + ":" + line + ":" + column;
  }

  @Override
  public String toString() {
    return location();
  }
}
