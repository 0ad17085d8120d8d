package io.flytemigrate.bench;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The first conversion of a large synthetic pipeline in a fresh JVM: the CPU it costs after
 * start-up, with no earlier run to have compiled the reader. Runs in a {@link Child}.
 */
public final class ColdRun {
  private ColdRun() {}

  /** Measures in this JVM and prints the result line; call in a fresh JVM only. */
  public static void runHere(Shape shape, int size) {
    Synthetic.Spec spec = Synthetic.generate(shape, size);
    byte[] bytes = spec.yaml().getBytes(StandardCharsets.UTF_8);
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    List<Stage> stages = Stages.inMemory();
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
    out.put("wallNanos", wall);
    out.put("threadCpuNanos", thread);
    out.put("processCpuNanos", process);
    out.put("diagnostics", done.diagnostics().size());
    out.put("errors", done.diagnostics().stream().filter(io.flytemigrate.ir.diag.Diagnostic::isError).count());
    out.put("failure", done.failure().orElse("none").replace(' ', '_'));
    clock.totals().forEach((stage, nanos) -> out.put("stage." + stage, nanos));
    Child.report(out);
  }

  /**
   * The result of a cold run read back from its child.
   *
   * @param stageNanos wall time per stage of the path, in stage order
   */
  public record Result(Shape shape, int tasks, long wallNanos, long threadCpuNanos, long processCpuNanos,
      Map<String, Long> stageNanos, boolean ok) {
    public Result {
      stageNanos = Collections.unmodifiableMap(new LinkedHashMap<>(stageNanos));
    }

    static Result of(Shape shape, Child child) {
      if (!child.ok()) {
        return new Result(shape, 0, -1, -1, -1, Map.of(), false);
      }
      Map<String, Long> stages = new LinkedHashMap<>();
      child.values().forEach((k, v) -> {
        if (k.startsWith("stage.")) {
          stages.put(k.substring("stage.".length()), Long.parseLong(v));
        }
      });
      return new Result(shape, (int) child.longValue("tasks"), child.longValue("wallNanos"),
          child.longValue("threadCpuNanos"), child.longValue("processCpuNanos"), stages,
          child.longValue("errors") == 0 && "none".equals(child.values().get("failure")));
    }
  }

  /** Runs the measurement in a fresh JVM. */
  public static Result inChild(Shape shape, int size) throws java.io.IOException, InterruptedException {
    return Result.of(shape, Child.run(List.of(), List.of("cold", shape.name(), Integer.toString(size))));
  }
}
