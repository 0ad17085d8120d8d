package io.flytemigrate.flyte.model;

import java.util.List;
import java.util.Optional;

/**
 * Inputs and outputs of a task or workflow ({@code flyteidl.core.TypedInterface}), in Python
 * parameter order. A single output named {@code o0} is a plain Python return value; any other
 * outputs are the fields of a NamedTuple, in this order.
 */
public record TypedInterface(List<Variable> inputs, List<Variable> outputs) {
  public static final TypedInterface EMPTY = new TypedInterface(List.of(), List.of());

  public TypedInterface {
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
  }

  public Optional<Variable> input(String name) {
    return inputs.stream().filter(v -> v.name().equals(name)).findFirst();
  }

  public Optional<Variable> output(String name) {
    return outputs.stream().filter(v -> v.name().equals(name)).findFirst();
  }
}
