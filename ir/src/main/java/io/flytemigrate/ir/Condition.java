package io.flytemigrate.ir;

import io.flytemigrate.ir.diag.Span;
import java.util.Objects;
import java.util.Optional;

/** A condition as written in the source, and parsed when the reader could parse it. */
public record Condition(String raw, Optional<Expr> parsed, Span span) {
  public Condition {
    Objects.requireNonNull(raw, "raw");
    Objects.requireNonNull(parsed, "parsed");
    Objects.requireNonNull(span, "span");
  }
}
