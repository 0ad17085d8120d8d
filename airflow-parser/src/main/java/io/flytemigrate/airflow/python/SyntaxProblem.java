package io.flytemigrate.airflow.python;

import io.flytemigrate.ir.diag.Span;
import java.util.Objects;

/** The first syntax error of a file: where it is and a one-line lowercase description. */
public record SyntaxProblem(Span span, String message, String help) {
  public SyntaxProblem {
    Objects.requireNonNull(span, "span");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(help, "help");
  }
}
