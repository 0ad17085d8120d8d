package io.flytemigrate.flyte.model;

import java.util.Objects;
import java.util.Optional;

/**
 * One launch-plan input ({@code flyteidl.core.Parameter} in {@code default_inputs}): required when
 * it has no default. In the Python project a default is the workflow function's parameter default.
 */
public record Parameter(String var, LiteralType type, Optional<Literal> defaultValue) {
  public Parameter {
    Objects.requireNonNull(var, "var");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(defaultValue, "defaultValue");
  }

  public boolean required() {
    return defaultValue.isEmpty();
  }
}
