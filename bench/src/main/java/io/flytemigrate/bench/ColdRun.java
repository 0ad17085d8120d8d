package io.flytemigrate.bench;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The first conversion of a large synthetic pipeline in a fresh JVM: the CPU it costs, with no
 * earlier run to have compiled the reader. Runs in a {@link Child}, once per JIT setting.
 *
 * <p>Two figures come out of one run. The <em>start-up</em> is what the first conversion of a
 * tiny pipeline of the same shape ({@value #START_UP_TASKS} tasks) costs in the fresh JVM: it
 * loads and initialises the classes of every stage, which any first call pays whatever its size.
 * The <em>first call</em> is the large pipeline's conversion right after it, the one the target
 * judges: nothing of it has run often enough to be compiled yet.
 */
public final class ColdRun {
  /** The size of the pipeline whose conversion stands for start-up. */
  static final int START_UP_TASKS = 5;

  private ColdRun() {}

  /** Measures in this JVM and prints the result line; call in a fresh JVM only. */
  public static void runHere(Shape shape, int size) {
    java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    List<Stage> stages = Stages.inMemory();
    Synthetic.Spec tiny = Synthetic.generate(shape, START_UP_TASKS);
    long startUp0 = threads.getCurrentThreadCpuTime();
    Work first = Stages.run(stages, Work.ofBytes(tiny.name(), tiny.yaml().getBytes(StandardCharsets.UTF_8)));
    long startUp = threads.getCurrentThreadCpuTime() - startUp0;

    Synthetic.Spec spec = Synthetic.generate(shape, size);
    byte[] bytes = spec.yaml().getBytes(StandardCharsets.UTF_8);
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    StageClock clock = new StageClock(stages);
    long process0 = os.getProcessCpuTime();
    long thread0 = threads.getCurrentThreadCpuTime();
    long wall0 = System.nanoTime();
    Work done = clock.run(Work.ofBytes(spec.name(), bytes));
    long wall = System.nanoTime() - wall0;
    long thread = threads.getCurrentThreadCpuTime() - thread0;
    long process = os.getProcessCpuTime() - process0;
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("shape", shape);
    out.put("tasks", spec.tasks());
    out.put("startUpCpuNanos", startUp);
    out.put("wallNanos", wall);
    out.put("threadCpuNanos", thread);
    out.put("processCpuNanos", process);
    out.put("diagnostics", done.diagnostics().size());
    out.put("errors", done.diagnostics().stream().filter(io.flytemigrate.ir.diag.Diagnostic::isError).count()
        + first.diagnostics().stream().filter(io.flytemigrate.ir.diag.Diagnostic::isError).count());
    out.put("failure", done.failure().or(first::failure).orElse("none").replace(' ', '_'));
    clock.totals().forEach((stage, nanos) -> out.put("stage." + stage, nanos));
    Child.report(out);
  }

  /**
   * The result of a cold run read back from its child.
   *
   * @param startUpCpuNanos thread CPU of the tiny conversion before the measured one
   * @param threadCpuNanos thread CPU of the measured conversion, start-up not included
   * @param stageNanos wall time per stage of the path, in stage order
   * @param errors error diagnostics of the conversion (a pipeline past a bound of the product ends
   *     in one, as {@code deep_pipelines} does at this size: nesting deeper than 100 levels)
   * @param ok whether the child ran to the end without a stage throwing
   */
  public record Result(Shape shape, Jit jit, int tasks, long startUpCpuNanos, long wallNanos, long threadCpuNanos,
      long processCpuNanos, Map<String, Long> stageNanos, long errors, boolean ok) {
    public Result {
      stageNanos = Collections.unmodifiableMap(new LinkedHashMap<>(stageNanos));
    }

    /** Start-up and the measured conversion together: all the first call's thread costs. */
    public long firstCallCpuNanos() {
      return startUpCpuNanos + threadCpuNanos;
    }

    static Result of(Shape shape, Jit jit, Child child) {
      if (!child.ok()) {
        return new Result(shape, jit, 0, -1, -1, -1, -1, Map.of(), 0, false);
      }
      Map<String, Long> stages = new LinkedHashMap<>();
      child.values().forEach((k, v) -> {
        if (k.startsWith("stage.")) {
          stages.put(k.substring("stage.".length()), Long.parseLong(v));
        }
      });
      return new Result(shape, jit, (int) child.longValue("tasks"), child.longValue("startUpCpuNanos"),
          child.longValue("wallNanos"), child.longValue("threadCpuNanos"), child.longValue("processCpuNanos"), stages,
          child.longValue("errors"), "none".equals(child.values().get("failure")));
    }
  }

  /** Runs the measurement in a fresh JVM with the given JIT flags. */
  public static Result inChild(Shape shape, int size, Jit jit) throws java.io.IOException, InterruptedException {
    return Result.of(shape, jit, Child.run(jit.flags(), List.of("cold", shape.name(), Integer.toString(size))));
  }
}
