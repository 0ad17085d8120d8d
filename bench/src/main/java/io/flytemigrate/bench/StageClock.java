package io.flytemigrate.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs stages and adds up the wall time spent in each, by name: the profiler-free way the harness
 * finds which step of the path is slow.
 */
public final class StageClock {
  private final List<Stage> stages;
  private final long[] nanos;

  public StageClock(List<Stage> stages) {
    this.stages = List.copyOf(stages);
    this.nanos = new long[stages.size()];
  }

  /** Runs every stage on {@code work}, timing each. */
  public Work run(Work work) {
    Work w = work;
    for (int i = 0; i < stages.size(); i++) {
      long start = System.nanoTime();
      w = stages.get(i).apply(w);
      nanos[i] += System.nanoTime() - start;
    }
    return w;
  }

  /** Nanoseconds spent in each stage so far, in stage order. */
  public Map<String, Long> totals() {
    Map<String, Long> out = new LinkedHashMap<>();
    for (int i = 0; i < stages.size(); i++) {
      out.merge(stages.get(i).name(), nanos[i], Long::sum);
    }
    return out;
  }
}
