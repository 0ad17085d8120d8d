package io.flytemigrate.flyteproto.verify;

import flyteidl.core.Literals;

/** Where a value in the package ultimately comes from, found by {@link FlyteTrace}. */
sealed interface FlyteProducer {
  /** An output of the node with this key (a task call, or the node of a branch, loop or sub-workflow). */
  record NodeOutput(String key, String var) implements FlyteProducer {}

  /** An input of the pipeline workflow, filled by the launch plan. */
  record Parameter(String var) implements FlyteProducer {}

  /** A static value. */
  record Constant(Literals.Scalar scalar) implements FlyteProducer {}
}
