package io.flytemigrate.ir;

import io.flytemigrate.ir.diag.Span;
import java.util.Objects;

/** The value given to one input of a node. */
public record InputBinding(String input, Binding value, Span span) {
  public InputBinding {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(span, "span");
  }
}
