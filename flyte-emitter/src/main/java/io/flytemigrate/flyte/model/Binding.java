package io.flytemigrate.flyte.model;

import java.util.Objects;

/**
 * The value of one input of a node, or of one workflow output ({@code flyteidl.core.Binding}).
 *
 * @param var the input (or output) variable name
 */
public record Binding(String var, BindingData data) {
  public Binding {
    Objects.requireNonNull(var, "var");
    Objects.requireNonNull(data, "data");
  }
}
