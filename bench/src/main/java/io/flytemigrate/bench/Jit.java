package io.flytemigrate.bench;

import java.util.List;

/** The JIT settings a fresh JVM of the harness is started with. */
public enum Jit {
  /** The JVM's defaults: tiered compilation up to C2. */
  DEFAULT(List.of()),
  /**
   * What {@code bin/flyte-migrate} runs the jar with, its class-data archive aside (the harness's
   * class path has directories, which an archive cannot hold): C1 only.
   */
  LAUNCHER(List.of("-XX:TieredStopAtLevel=1"));

  private final List<String> flags;

  Jit(List<String> flags) {
    this.flags = flags;
  }

  /** The flags given to the child JVM. */
  public List<String> flags() {
    return flags;
  }
}
