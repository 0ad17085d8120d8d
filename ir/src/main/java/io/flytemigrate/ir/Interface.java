package io.flytemigrate.ir;

import java.util.List;
import java.util.Optional;

/** Inputs and outputs, in source order. */
public record Interface(List<Port> inputs, List<Port> outputs) {
  public static final Interface EMPTY = new Interface(List.of(), List.of());

  public Interface {
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
  }

  public Optional<Port> input(String name) {
    return inputs.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  public Optional<Port> output(String name) {
    return outputs.stream().filter(p -> p.name().equals(name)).findFirst();
  }
}
