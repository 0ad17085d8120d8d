package io.flytemigrate.ir;

import io.flytemigrate.ir.diag.Span;
import java.util.Objects;

/** An environment variable with a literal value. */
public record EnvVar(String name, String value, Span span) {
  public EnvVar {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(span, "span");
  }
}
