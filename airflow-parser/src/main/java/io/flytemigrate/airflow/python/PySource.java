package io.flytemigrate.airflow.python;

import io.flytemigrate.ir.diag.SourceFile;
import io.flytemigrate.ir.diag.Span;
import java.util.Objects;

/** A parsed Python file: its text, the path users see, and the root of its syntax tree. */
public record PySource(SourceFile file, PyNode root) {
  public PySource {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(root, "root");
  }

  public String path() {
    return file.path();
  }

  /** The exact source text of a node. */
  public String text(PyNode node) {
    return file.text().substring(node.start(), node.end());
  }

  /** Where a node is, for diagnostics and the IR. */
  public Span span(PyNode node) {
    return new Span(file.path(), node.line(), node.column(), node.endLine(), node.endColumn());
  }
}
