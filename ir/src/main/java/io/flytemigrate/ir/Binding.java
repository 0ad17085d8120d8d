package io.flytemigrate.ir;

import java.util.List;
import java.util.Objects;

/** Where the value of an input comes from. */
public sealed interface Binding {

  /** A literal value. */
  record Constant(Value value) implements Binding {
    public Constant {
      Objects.requireNonNull(value, "value");
    }
  }

  /** An input of the enclosing graph: a pipeline parameter at the root, a scope input below. */
  record GraphInput(String input) implements Binding {
    public GraphInput {
      Objects.requireNonNull(input, "input");
    }
  }

  /** An output (parameter or artifact) of a task in the same graph. */
  record TaskOutput(String task, String output) implements Binding {
    public TaskOutput {
      Objects.requireNonNull(task, "task");
      Objects.requireNonNull(output, "output");
    }
  }

  /** The current item of the enclosing loop. */
  record LoopItem(String loop) implements Binding {
    public LoopItem {
      Objects.requireNonNull(loop, "loop");
    }
  }

  /** A field of a JSON value, e.g. {@code item["a"]}; {@code raw} is the source's expression. */
  record Field(Binding base, List<String> path, String raw) implements Binding {
    public Field {
      Objects.requireNonNull(base, "base");
      path = List.copyOf(path);
      Objects.requireNonNull(raw, "raw");
    }
  }

  /** The final status of a task, for exit tasks. */
  record TaskFinalStatus(String task) implements Binding {
    public TaskFinalStatus {
      Objects.requireNonNull(task, "task");
    }
  }

  /** A string built from the consuming task's other inputs ({@code "{{x}}-suffix"}). */
  record Template(List<Arg> parts) implements Binding {
    public Template {
      parts = List.copyOf(parts);
    }
  }

  /** An expression the reader could not resolve; a diagnostic explains why. */
  record Unresolved(String raw) implements Binding {
    public Unresolved {
      Objects.requireNonNull(raw, "raw");
    }
  }
}
