package io.flytemigrate.ir;

import java.util.Objects;

/** What a loop iterates over. */
public sealed interface LoopItems {

  /** A literal list written in the pipeline. */
  record Literal(Value.ListValue items) implements LoopItems {
    public Literal {
      Objects.requireNonNull(items, "items");
    }
  }

  /** A list parameter or list of artifacts bound to the loop node's input of this name. */
  record FromInput(String input, boolean artifacts) implements LoopItems {
    public FromInput {
      Objects.requireNonNull(input, "input");
    }
  }
}
