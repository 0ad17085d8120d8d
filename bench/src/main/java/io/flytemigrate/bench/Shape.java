package io.flytemigrate.bench;

/** The graph shapes of the synthetic pipelines: each stresses a different part of the reader. */
public enum Shape {
  /** Each task reads the output of the one before: long dependency chains. */
  CHAIN,
  /** One producer feeds every other task, and a last task waits for all of them: a very wide dag. */
  FAN_OUT,
  /**
   * Blocks ten levels deep of conditions, loops and nested pipelines, each level with a short
   * chain of tasks: many dag components and control-flow bodies.
   */
  NESTED,
  /**
   * Nested pipelines (dag components that are not control flow) as deep as the pipeline is big:
   * each holds one task and the next level, half the tasks being levels.
   */
  DEEP_PIPELINES
}
