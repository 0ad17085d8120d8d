package io.flytemigrate.bench;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The performance targets of the project, checked on a harness run's {@link Results}. Targets are
 * checked here, by the harness, never by timed unit tests.
 */
public final class Targets {
  static final double BATCH_RATIO = 2.0;
  static final double SCALING_RATIO = 5.0;
  static final int SCALING_SMALL = 1_000;
  static final int SCALING_LARGE = 20_000;
  static final long COLD_CPU_NANOS = 1_000_000_000L;
  static final int COLD_TASKS = 5_000;
  static final int SMALL_HEAP_FILES = 10_000;
  static final int SMALL_HEAP_MB = 256;
  static final long CLI_NANOS = 500_000_000L;

  private Targets() {}

  public static List<Target> check(Results r) {
    List<Target> out = new ArrayList<>();
    out.add(batch(r));
    out.add(commandBatch(r));
    out.add(scaling(r));
    out.add(cold(r));
    out.add(smallHeap(r));
    out.add(smallHeapCommand(r));
    for (CliCall call : CliCall.all()) {
      if (!call.equals(CliCall.STARTUP)) {
        String id = "one-file-" + call.name() + "-under-0.5s";
        out.add(cli(r, call, "default", id));
        out.add(cli(r, call, "appcds", id + "-with-appcds"));
        // What bin/flyte-migrate starts the jar with.
        out.add(cli(r, call, "appcds+c1", id + "-with-appcds-c1"));
      }
    }
    return out;
  }

  /**
   * Judged on the whole corpus, every set's last passes added up, as a batch of all of it would
   * run: a set of a few files alone is too small to stand for a batch. Each set's own ratio is in
   * the measured text.
   */
  private static Target batch(Results r) {
    String id = "batch-within-2x-of-parse-only";
    String goal = "end-to-end batch wall time within " + BATCH_RATIO + "x of parse-only";
    if (r.batches().isEmpty()) {
      return Target.notMeasured(id, goal, "batch skipped");
    }
    long e2e = 0;
    long floor = 0;
    List<String> bySet = new ArrayList<>();
    for (BatchComparison b : r.batches()) {
      e2e += b.lastEndToEnd().wallNanos();
      floor += b.lastFloor().wallNanos();
      bySet.add(String.format(Locale.ROOT, "%s %.2fx", b.set(), b.ratio()));
    }
    double ratio = (double) e2e / floor;
    String measured = String.format(Locale.ROOT, "%.2fx over every corpus set (%s vs %s; %s)", ratio, seconds(e2e),
        seconds(floor), String.join(", ", bySet));
    return Target.check(id, goal, measured, ratio <= BATCH_RATIO);
  }

  /**
   * The same target for the real command: {@code convert DIR --jobs 1}, one process as a user
   * starts it, against the warm parse-only pass (so JIT warm-up counts against the command), over
   * every set it ran on.
   */
  private static Target commandBatch(Results r) {
    String id = "batch-command-within-2x-of-parse-only";
    String goal = "the real `convert DIR --jobs 1` (fresh JVM) within " + BATCH_RATIO + "x of parse-only";
    long command = 0;
    long floor = 0;
    List<String> bySet = new ArrayList<>();
    for (BatchComparison b : r.batches()) {
      if (b.commandOnOneThread().isEmpty()) {
        continue;
      }
      CommandBatch.Result c = b.commandOnOneThread().get();
      if (!c.finished()) {
        return Target.check(id, goal, "the command failed on " + b.set() + ": " + failure(c), false);
      }
      command += c.wallNanos();
      floor += b.lastFloor().wallNanos();
      bySet.add(String.format(Locale.ROOT, "%s %.2fx", b.set(), b.commandRatio()));
    }
    if (bySet.isEmpty()) {
      return Target.notMeasured(id, goal, "the command was not run");
    }
    double ratio = (double) command / floor;
    String text = String.format(Locale.ROOT, "%.2fx over every corpus set (%s vs %s; %s)", ratio, seconds(command),
        seconds(floor), String.join(", ", bySet));
    return Target.check(id, goal, text, ratio <= BATCH_RATIO);
  }

  private static String failure(CommandBatch.Result c) {
    return c.exit() == 3 ? "exit 3 (internal error)" : c.failure();
  }

  /** A stage under this share of the path's time at the small size is too small to judge. */
  static final double MIN_STAGE_SHARE = 0.05;

  /**
   * Checked on the whole path, on every stage and on every step inside a stage that takes a real
   * share of it, so a quadratic pass cannot hide behind a large linear one.
   */
  private static Target scaling(Results r) {
    String id = "linear-in-size";
    String goal = "per-task cost at " + SCALING_LARGE + " tasks within " + SCALING_RATIO + "x of " + SCALING_SMALL
        + ", for the whole path and each stage";
    double worst = -1;
    String where = null;
    for (Shape shape : Shape.values()) {
      Optional<ScalingRun.Result> small = find(r, shape, SCALING_SMALL);
      Optional<ScalingRun.Result> large = find(r, shape, SCALING_LARGE);
      if (small.isEmpty() || large.isEmpty()) {
        continue;
      }
      ScalingRun.Result s = small.get();
      ScalingRun.Result l = large.get();
      Optional<ScalingRun.Result> crashed = r.scaling().stream()
          .filter(x -> x.shape() == shape && x.failure().isPresent() && !ScalingRun.wasSkipped(x)).findFirst();
      if (crashed.isPresent()) {
        return Target.check(id, goal, "crashed on " + name(shape) + " at " + crashed.get().tasks() + " tasks ("
            + crashed.get().failure().get() + ")", false);
      }
      String at = "";
      if (ScalingRun.wasSkipped(l)) {
        // The large size was not run because a smaller one was already slow: judge by that one.
        Optional<ScalingRun.Result> largest = r.scaling().stream()
            .filter(x -> x.shape() == shape && x.failure().isEmpty() && x.tasks() > s.tasks())
            .max(java.util.Comparator.comparingInt(ScalingRun.Result::tasks));
        if (largest.isEmpty()) {
          continue;
        }
        l = largest.get();
        at = " at " + l.tasks() + " tasks, larger sizes skipped";
      }
      double whole = l.wallNanosPerTask() / s.wallNanosPerTask();
      if (whole > worst) {
        worst = whole;
        where = "whole path on " + name(shape) + at;
      }
      for (String kind : List.of("stage", "step")) {
        Map<String, Long> smallParts = kind.equals("stage") ? s.stageNanos() : s.stepNanos();
        Map<String, Long> largeParts = kind.equals("stage") ? l.stageNanos() : l.stepNanos();
        for (String part : smallParts.keySet()) {
          long smallNanos = smallParts.get(part);
          Long largeNanos = largeParts.get(part);
          if (largeNanos == null || smallNanos < MIN_STAGE_SHARE * s.wallNanos()) {
            continue;
          }
          double ratio = ((double) largeNanos / l.tasks()) / ((double) smallNanos / s.tasks());
          if (ratio > worst) {
            worst = ratio;
            where = kind + " " + part + " on " + name(shape) + at;
          }
        }
      }
    }
    if (where == null) {
      return Target.notMeasured(id, goal, "sizes " + SCALING_SMALL + " and " + SCALING_LARGE + " not both measured");
    }
    String measured = String.format(Locale.ROOT, "worst %.2fx (%s)", worst, where);
    return Target.check(id, goal, measured, worst <= SCALING_RATIO);
  }

  private static String name(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }

  private static Optional<ScalingRun.Result> find(Results r, Shape shape, int requested) {
    return r.scaling().stream().filter(s -> s.shape() == shape && s.requested() == requested).findFirst();
  }

  /**
   * Judged on the launcher's JIT ({@code bin/flyte-migrate}, how a user calls the tool), after
   * start-up; the JVM's defaults and the whole first call are in the measured text.
   */
  private static Target cold(Results r) {
    String id = "5000-tasks-under-1s-cpu";
    String goal = "a " + COLD_TASKS + "-task pipeline in under 1 s of CPU after start-up (first call, fresh JVM,"
        + " the launcher's JIT)";
    if (r.cold().isEmpty()) {
      return Target.notMeasured(id, goal, "cold runs skipped");
    }
    Map<Jit, ColdRun.Result> worst = new EnumMap<>(Jit.class);
    java.util.Set<String> bounded = new java.util.TreeSet<>();
    for (ColdRun.Result c : r.cold()) {
      if (!c.ok()) {
        return Target.check(id, goal, "the run for " + name(c.shape()) + " (" + name(c.jit()) + " JIT) failed", false);
      }
      if (c.errors() > 0) {
        bounded.add(name(c.shape()));
        continue;
      }
      worst.merge(c.jit(), c, (a, b) -> a.threadCpuNanos() >= b.threadCpuNanos() ? a : b);
    }
    List<String> parts = new ArrayList<>();
    worst.forEach((jit, c) -> parts.add(String.format(Locale.ROOT,
        "%s JIT: %s thread CPU after start-up, %s with it, %s process CPU incl. JIT and GC (worst shape: %s)",
        name(jit), seconds(c.threadCpuNanos()), seconds(c.firstCallCpuNanos()), seconds(c.processCpuNanos()),
        name(c.shape()))));
    if (!bounded.isEmpty()) {
      parts.add("not judged, ended in an error: " + String.join(", ", bounded));
    }
    ColdRun.Result judged = worst.get(Jit.LAUNCHER);
    if (judged == null) {
      return Target.notMeasured(id, goal, String.join("; ", parts));
    }
    return Target.check(id, goal, String.join("; ", parts), judged.threadCpuNanos() < COLD_CPU_NANOS);
  }

  private static Target smallHeap(Results r) {
    String id = "10000-files-in-256mb-heap";
    String goal = SMALL_HEAP_FILES + "-pipeline batch in a " + SMALL_HEAP_MB + " MB heap";
    if (r.smallHeap().isEmpty()) {
      return Target.notMeasured(id, goal, "small-heap batch skipped");
    }
    SmallHeapRun.Result s = r.smallHeap().get();
    if (!s.ok()) {
      return Target.check(id, goal, "failed with -Xmx" + s.heapMegabytes() + "m: " + s.failure(), false);
    }
    String measured = String.format(Locale.ROOT, "%d files with -Xmx%dm in %s; live heap after GC at most %s",
        s.files(), s.heapMegabytes(), seconds(s.wallNanos()), megabytes(s.liveHeapBytes()));
    if (s.files() < SMALL_HEAP_FILES || s.heapMegabytes() > SMALL_HEAP_MB) {
      return Target.notMeasured(id, goal, "only a smaller run: " + measured);
    }
    return Target.check(id, goal, measured, true);
  }

  private static Target smallHeapCommand(Results r) {
    String id = "10000-files-in-256mb-heap-convert";
    String goal = SMALL_HEAP_FILES + "-pipeline batch in a " + SMALL_HEAP_MB + " MB heap through the real `convert DIR`";
    if (r.smallHeapCommand().isEmpty()) {
      return Target.notMeasured(id, goal, "small-heap batch skipped");
    }
    CommandBatch.Result c = r.smallHeapCommand().get();
    if (!c.finished()) {
      return Target.check(id, goal, "failed with -Xmx" + c.heapMegabytes() + "m on " + c.files() + " files: " + failure(c),
          false);
    }
    String measured = String.format(Locale.ROOT, "%d files with -Xmx%dm in %s; live heap after GC at most %s", c.files(),
        c.heapMegabytes(), seconds(c.wallNanos()), megabytes(c.liveHeapBytes()));
    if (c.files() < SMALL_HEAP_FILES || c.heapMegabytes() > SMALL_HEAP_MB) {
      return Target.notMeasured(id, goal, "only a smaller run: " + measured);
    }
    return Target.check(id, goal, measured, true);
  }

  private static Target cli(Results r, CliCall call, String variant, String id) {
    String goal = "one-file `" + call.name() + "` under 0.5 s wall, process start to exit (" + variant + " JVM flags)";
    Optional<CliTiming.Result> t = r.cli().stream()
        .filter(c -> c.call().equals(call.name()) && c.variant().equals(variant))
        .findFirst();
    if (t.isEmpty()) {
      return Target.notMeasured(id, goal, "not measured");
    }
    String measured = String.format(Locale.ROOT, "median %s of %d runs", seconds(t.get().medianNanos()), t.get().runs());
    return Target.check(id, goal, measured, t.get().medianNanos() < CLI_NANOS);
  }

  static String seconds(long nanos) {
    return String.format(Locale.ROOT, "%.3f s", nanos / 1e9);
  }

  static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
  }
}
