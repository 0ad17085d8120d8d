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
   * @param stepNanos median wall time per step inside the stages that have steps: the KFP v2
   *     reader's ({@link KfpV2Breakdown}), each validator's and the package's ({@link StepBreakdown})
   * @param clean no stage reported an error on the spec (warnings are allowed)
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
      Map<String, Long> stepNanos,
      boolean clean,
      Optional<String> failure) {
    public Result {
      stageNanos = Collections.unmodifiableMap(new LinkedHashMap<>(stageNanos));
      stepNanos = Collections.unmodifiableMap(new LinkedHashMap<>(stepNanos));
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

  /** One timed run of the path. */
  private record Pass(long wall, long cpu, long alloc, Map<String, Long> stages, Work work) {}

  private static Pass pass(List<Stage> stages, Synthetic.Spec spec, byte[] bytes) {
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long tid = Thread.currentThread().getId();
    StageClock clock = new StageClock(stages);
    long a0 = threads.getThreadAllocatedBytes(tid);
    long c0 = threads.getCurrentThreadCpuTime();
    long w0 = System.nanoTime();
    Work w = clock.run(Work.ofBytes(spec.name(), bytes));
    long wall = System.nanoTime() - w0;
    return new Pass(wall, threads.getCurrentThreadCpuTime() - c0, threads.getThreadAllocatedBytes(tid) - a0, clock.totals(), w);
  }

  /**
   * A result that was not measured: the size was skipped because a smaller one of the same shape
   * already took longer than {@link #SKIP_AFTER_NANOS} (a quadratic stage would make this one
   * take many minutes, and the smaller size already shows it).
   */
  public static Result skipped(Shape shape, int size, Result smaller) {
    return new Result(shape, size, 0, 0, 0, -1, -1, -1, Map.of(), Map.of(), false, Optional.of(String.format(
        java.util.Locale.ROOT, "skipped: the %d-task pass took %.0f s", smaller.tasks(), smaller.wallNanos() / 1e9)));
  }

  /** A pass slower than this makes the harness skip the larger sizes of the shape. */
  static final long SKIP_AFTER_NANOS = 30_000_000_000L;

  /** Whether a result is a size that was skipped, not run. */
  public static boolean wasSkipped(Result r) {
    return r.failure().isPresent() && r.failure().get().startsWith("skipped");
  }

  /**
   * Warms up, then measures up to {@link #iterations} runs of the whole in-memory path. A first
   * pass slower than the budget is the measurement (one run), and its steps are not timed apart:
   * each would cost another such pass.
   */
  public static Result run(Shape shape, int size) {
    Synthetic.Spec spec = Synthetic.generate(shape, size);
    byte[] bytes = spec.yaml().getBytes(StandardCharsets.UTF_8);
    List<Stage> stages = Stages.inMemory();
    int n = iterations(spec.tasks());
    boolean clean = true;
    Pass first = null;
    long warmStart = System.nanoTime();
    for (int i = 0; i < n && System.nanoTime() - warmStart < BUDGET_NANOS; i++) {
      Pass p = pass(stages, spec, bytes);
      if (p.work().failure().isPresent()) {
        return new Result(shape, size, spec.tasks(), bytes.length, 0, -1, -1, -1, Map.of(), Map.of(), false,
            p.work().failure());
      }
      clean &= !p.work().hasErrors(); // warnings are answers; an error means the figures time a failure
      first = first == null ? p : first;
    }
    if (first.wall() > BUDGET_NANOS) {
      return new Result(shape, size, spec.tasks(), bytes.length, 1, first.wall(), first.cpu(), first.alloc(),
          first.stages(), Map.of(), clean, Optional.empty());
    }
    long[] wall = new long[n];
    long[] cpu = new long[n];
    long[] alloc = new long[n];
    List<Map<String, Long>> perStage = new ArrayList<>();
    int done = 0;
    long measureStart = System.nanoTime();
    while (done < n && (done == 0 || System.nanoTime() - measureStart < BUDGET_NANOS)) {
      Pass p = pass(stages, spec, bytes);
      wall[done] = p.wall();
      cpu[done] = p.cpu();
      alloc[done] = p.alloc();
      perStage.add(p.stages());
      done++;
    }
    wall = Arrays.copyOf(wall, done);
    cpu = Arrays.copyOf(cpu, done);
    alloc = Arrays.copyOf(alloc, done);
    List<Map<String, Long>> perStep = new ArrayList<>();
    int steps = wall[0] > BUDGET_NANOS / 10 ? 1 : Math.min(done, 3);
    Optional<io.flytemigrate.ir.Pipeline> pipeline = Stages.run(Stages.readInMemory(), Work.ofBytes(spec.name(), bytes))
        .pipeline();
    for (int i = 0; i < steps; i++) {
      Map<String, Long> step = new LinkedHashMap<>(KfpV2Breakdown.measure(spec.name(), spec.yaml()));
      pipeline.ifPresent(p -> {
        step.putAll(StepBreakdown.checks(p));
        step.putAll(StepBreakdown.packageSteps(p));
      });
      perStep.add(step);
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
