package io.flytemigrate.airflow.model;

import io.flytemigrate.ir.diag.Span;
import java.util.Objects;

/**
 * A named argument as given in the source (a constructor or decorator keyword, a key of
 * {@code default_args}, an attribute set after construction), evaluated.
 *
 * @param raw the expression as written
 */
public record Kwarg(String name, PyValue value, Span span, String raw) {
  public Kwarg {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(span, "span");
    Objects.requireNonNull(raw, "raw");
  }
}
