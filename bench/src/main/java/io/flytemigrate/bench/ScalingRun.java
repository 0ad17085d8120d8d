package io.flytemigrate.bench;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Synthetic pipelines of growing size through the in-memory path: time, CPU and allocation per
 * task, so growth faster than linear shows as a rising per-task cost.
 */
public final class ScalingRun {
  private ScalingRun() {}

  /**
   * One size of one shape, medians over the measured iterations.
   *
   * @param tasks the tasks the spec really has
   * @param bytes the spec's size in UTF-8
   * @param stageNanos median wall time per product stage
   * @param readerNanos median wall time per step inside the KFP v2 reader
   * @param failure the stage that threw on this spec, if one did; nothing was measured then
   */
  public record Result(
      Shape shape,
      int requested,
      int tasks,
      long bytes,
      int iterations,
      long wallNanos,
      long cpuNanos,
      long allocatedBytes,
      Map<String, Long> stageNanos,
      Map<String, Long> readerNanos,
      boolean clean,
      Optional<String> failure) {
    public Result {
      stageNanos = Collections.unmodifiableMap(new LinkedHashMap<>(stageNanos));
      readerNanos = Collections.unmodifiableMap(new LinkedHashMap<>(readerNanos));
    }

    public double wallNanosPerTask() {
      return (double) wallNanos / tasks;
    }

    public double cpuNanosPerTask() {
      return (double) cpuNanos / tasks;
    }

    public double allocatedBytesPerTask() {
      return (double) allocatedBytes / tasks;
    }
  }

  /** Iterations per size: many for small specs, at least three for the largest. */
  static int iterations(int tasks) {
    return Math.max(3, Math.min(200, 20_000 / Math.max(1, tasks)));
  }

  /** No size spends more than this warming up, nor this measuring (a slow pass still runs once). */
  static final long BUDGET_NANOS = 20_000_000_000L;

  /** Warms up, then measures up to {@link #iterations} runs of the whole in-memory path. */
  public static Result run(Shape shape, int size) {
    Synthetic.Spec spec = Synthetic.generate(shape, size);
    byte[] bytes = spec.yaml().getBytes(StandardCharsets.UTF_8);
    List<Stage> stages = Stages.inMemory();
    int n = iterations(spec.tasks());
    boolean clean = true;
    long warmStart = System.nanoTime();
    for (int i = 0; i < n && System.nanoTime() - warmStart < BUDGET_NANOS; i++) {
      Work w = Stages.run(stages, Work.ofBytes(spec.name(), bytes));
      if (w.failure().isPresent()) {
        return new Result(shape, size, spec.tasks(), bytes.length, 0, -1, -1, -1, Map.of(), Map.of(), false, w.failure());
      }
      clean &= w.diagnostics().isEmpty();
    }
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long tid = Thread.currentThread().getId();
    long[] wall = new long[n];
    long[] cpu = new long[n];
    long[] alloc = new long[n];
    List<Map<String, Long>> perStage = new ArrayList<>();
    int done = 0;
    long measureStart = System.nanoTime();
    while (done < n && (done == 0 || System.nanoTime() - measureStart < BUDGET_NANOS)) {
      StageClock clock = new StageClock(stages);
      long a0 = threads.getThreadAllocatedBytes(tid);
      long c0 = threads.getCurrentThreadCpuTime();
      long w0 = System.nanoTime();
      clock.run(Work.ofBytes(spec.name(), bytes));
      wall[done] = System.nanoTime() - w0;
      cpu[done] = threads.getCurrentThreadCpuTime() - c0;
      alloc[done] = threads.getThreadAllocatedBytes(tid) - a0;
      perStage.add(clock.totals());
      done++;
    }
    wall = Arrays.copyOf(wall, done);
    cpu = Arrays.copyOf(cpu, done);
    alloc = Arrays.copyOf(alloc, done);
    List<Map<String, Long>> perStep = new ArrayList<>();
    int steps = wall[0] > BUDGET_NANOS / 10 ? 1 : Math.min(done, 3);
    for (int i = 0; i < steps; i++) {
      perStep.add(KfpV2Breakdown.measure(spec.name(), spec.yaml()));
    }
    return new Result(shape, size, spec.tasks(), bytes.length, done, median(wall), median(cpu), median(alloc),
        medians(perStage), medians(perStep), clean, Optional.empty());
  }

  static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    int m = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
  }

  private static Map<String, Long> medians(List<Map<String, Long>> runs) {
    Map<String, Long> out = new LinkedHashMap<>();
    for (String key : runs.get(0).keySet()) {
      out.put(key, median(runs.stream().mapToLong(m -> m.getOrDefault(key, 0L)).toArray()));
    }
    return out;
  }
}
