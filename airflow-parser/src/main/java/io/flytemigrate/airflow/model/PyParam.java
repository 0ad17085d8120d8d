package io.flytemigrate.airflow.model;

import io.flytemigrate.ir.diag.Span;
import java.util.Objects;
import java.util.Optional;

/**
 * One parameter of a Python function.
 *
 * @param annotation the type hint as written, e.g. {@code list[str]}
 * @param defaultValue the default, evaluated, if there is one
 */
public record PyParam(String name, Kind kind, Optional<String> annotation, Optional<PyValue> defaultValue, Span span) {
  /** How the parameter receives arguments. */
  public enum Kind {
    POSITIONAL,
    KEYWORD_ONLY,
    VAR_POSITIONAL,
    VAR_KEYWORD
  }

  public PyParam {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(annotation, "annotation");
    Objects.requireNonNull(defaultValue, "defaultValue");
    Objects.requireNonNull(span, "span");
  }
}
