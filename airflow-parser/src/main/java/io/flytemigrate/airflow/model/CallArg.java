package io.flytemigrate.airflow.model;

import io.flytemigrate.ir.diag.Span;
import java.util.Objects;
import java.util.Optional;

/**
 * One argument of a call of a TaskFlow function: positional ({@code name} empty) or keyword.
 *
 * @param raw the expression as written
 */
public record CallArg(Optional<String> name, PyValue value, Span span, String raw) {
  public CallArg {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(span, "span");
    Objects.requireNonNull(raw, "raw");
  }
}
