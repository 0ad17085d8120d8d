package io.flytemigrate.kfp.v1;

import io.flytemigrate.ir.Binding;
import io.flytemigrate.ir.InputBinding;
import io.flytemigrate.ir.diag.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The input bindings of one node being built: the task's arguments, plus the inputs the reader
 * adds for values that a condition, a loop or a string with several expressions needs. Added
 * inputs are named {@code pipelinechannel--<name>}, as the KFP v2 compiler names the same thing;
 * an added input that would bind exactly what an existing input binds reuses that input.
 */
final class NodeInputs {
  private final List<InputBinding> inputs = new ArrayList<>();
  private final List<InputBinding> added = new ArrayList<>();

  void argument(String name, Binding b, Span span) {
    inputs.add(new InputBinding(name, b, span));
  }

  /** The name of an input that binds {@code b}, adding one named after {@code base} if needed. */
  String hidden(String base, Binding b, Span span) {
    for (InputBinding i : all()) {
      if (i.value().equals(b)) {
        return i.input();
      }
    }
    String name = TemplateArgs.GLOBAL_PREFIX + base;
    int n = 2;
    while (has(name)) {
      name = TemplateArgs.GLOBAL_PREFIX + base + "-" + n++;
    }
    added.add(new InputBinding(name, b, span));
    return name;
  }

  boolean has(String name) {
    return all().stream().anyMatch(i -> i.input().equals(name));
  }

  Optional<InputBinding> get(String name) {
    return all().stream().filter(i -> i.input().equals(name)).findFirst();
  }

  void replaceArgument(String name, Binding b) {
    for (int i = 0; i < inputs.size(); i++) {
      if (inputs.get(i).input().equals(name)) {
        inputs.set(i, new InputBinding(name, b, inputs.get(i).span()));
      }
    }
  }

  void removeArgument(String name) {
    inputs.removeIf(i -> i.input().equals(name));
  }

  List<InputBinding> arguments() {
    return List.copyOf(inputs);
  }

  List<InputBinding> added() {
    return List.copyOf(added);
  }

  List<InputBinding> all() {
    List<InputBinding> out = new ArrayList<>(inputs);
    out.addAll(added);
    return out;
  }
}
