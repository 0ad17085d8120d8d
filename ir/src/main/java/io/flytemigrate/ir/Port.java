package io.flytemigrate.ir;

import io.flytemigrate.ir.diag.Span;
import java.util.Objects;
import java.util.Optional;

/**
 * A typed input or output of a component, graph or pipeline.
 *
 * @param artifact true for artifacts (passed by reference), false for parameters (passed by value)
 */
public record Port(
    String name,
    IrType type,
    boolean artifact,
    boolean optional,
    Optional<Value> defaultValue,
    Optional<String> description,
    Span span) {
  public Port {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(defaultValue, "defaultValue");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(span, "span");
  }
}
