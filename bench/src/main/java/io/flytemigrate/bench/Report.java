package io.flytemigrate.bench;

import io.flytemigrate.std.JsonWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** Renders a harness run's {@link Results} and {@link Target}s as a text table and as JSON. */
public final class Report {
  private Report() {}

  /** The table printed at the end of a run. */
  public static String table(Results r, List<Target> targets) {
    StringBuilder b = new StringBuilder();
    Results.Machine m = r.machine();
    b.append(String.format(Locale.ROOT, "flyte-migrate bench: %d cores, Java %s (%s), %s, max heap %s%n",
        m.cores(), m.java(), m.vm(), m.os(), mb(m.maxHeapBytes())));
    for (BatchComparison c : r.batches()) {
      batch(b, c);
    }
    if (!r.scaling().isEmpty()) {
      scaling(b, r.scaling());
    }
    if (!r.cold().isEmpty()) {
      b.append("\n(c) first call in a fresh JVM, after start-up (a " + ColdRun.START_UP_TASKS
          + "-task conversion before it)\n");
      b.append(String.format(Locale.ROOT, "  %-8s %-8s %7s %9s %9s %11s %12s  %s%n", "jit", "shape", "tasks", "start-up",
          "wall", "thread cpu", "process cpu", "wall by stage"));
      for (ColdRun.Result c : r.cold()) {
        b.append(String.format(Locale.ROOT, "  %-8s %-8s %7d %9s %9s %11s %12s %s%s%n", name(c.jit()), name(c.shape()),
            c.tasks(), s(c.startUpCpuNanos()), s(c.wallNanos()), s(c.threadCpuNanos()), s(c.processCpuNanos()),
            stages(c.stageNanos()), coldNote(c)));
      }
    }
    r.smallHeap().ifPresent(h -> {
      // -Xmx counts MiB, the table MB (10^6 bytes): 256 MiB is 268.4 MB.
      b.append(String.format(Locale.ROOT, "%n(a) batch in a small heap: -Xmx%dm (%s)%n", h.heapMegabytes(),
          mb(h.heapMegabytes() * 1024L * 1024L)));
      if (h.ok()) {
        b.append(String.format(Locale.ROOT, "  file by file: %d files in %s, %.0f files/s; peak heap %s, live heap after GC %s,"
            + " peak RSS %s%n", h.files(), s(h.wallNanos()), h.files() / (h.wallNanos() / 1e9), mb(h.peakHeapBytes()),
            mb(h.liveHeapBytes()), mb(h.peakRssBytes())));
      } else {
        b.append("  file by file: failed: ").append(h.failure()).append('\n');
      }
    });
    r.smallHeapCommand().ifPresent(c -> {
      b.append("  convert DIR --jobs ").append(c.jobs()).append(": ");
      if (c.finished()) {
        b.append(String.format(Locale.ROOT, "%d files in %s, %.0f files/s, exit %d; peak heap %s, live heap after GC %s,"
            + " peak RSS %s%n", c.files(), s(c.wallNanos()), c.filesPerSecond(), c.exit(), mb(c.peakHeapBytes()),
            mb(c.liveHeapBytes()), mb(c.peakRssBytes())));
      } else {
        b.append("failed on ").append(c.files()).append(" files: ").append(c.exit() == 3 ? "exit 3" : c.failure()).append('\n');
      }
    });
    r.lowering().ifPresent(l -> lowering(b, l));
    if (!r.cli().isEmpty()) {
      cli(b, r);
    }
    b.append("\ntargets\n");
    for (Target t : targets) {
      b.append(String.format(Locale.ROOT, "  %-12s %-38s %s: %s%n", t.verdict(), t.id(), t.goal(), t.measured()));
    }
    return b.toString();
  }

  private static void batch(StringBuilder b, BatchComparison c) {
    BatchRun.Result first = c.lastEndToEnd();
    b.append(String.format(Locale.ROOT, "%n(a, d) batch %s: %d files x %d copies = %d files, %s%n",
        c.set(), c.originals(), c.copies(), first.files(), mb(first.bytes())));
    b.append(String.format(Locale.ROOT, "  %-4s %-14s %9s %9s %7s %9s %11s %10s %10s %9s %6s %7s%n", "pass", "path", "wall",
        "files/s", "MB/s", "cpu", "alloc/file", "peak heap", "live heap", "peak RSS", "errors", "crashes"));
    for (int i = 0; i < c.endToEnd().size(); i++) {
      batchRow(b, i + 1, "parse-only", c.floor().get(i));
      batchRow(b, i + 1, "end-to-end", c.endToEnd().get(i));
      if (i < c.inspect().size()) {
        batchRow(b, i + 1, "inspect", c.inspect().get(i));
      }
    }
    for (CommandBatch.Result cmd : c.command()) {
      commandRow(b, cmd);
    }
    b.append("  stages, last end-to-end pass:").append(stages(c.lastEndToEnd().stageNanos())).append('\n');
    b.append("  stages, last parse-only pass:").append(stages(c.lastFloor().stageNanos())).append('\n');
    if (!c.inspect().isEmpty()) {
      b.append("  stages, last inspect pass:").append(stages(c.inspect().get(c.inspect().size() - 1).stageNanos()))
          .append('\n');
    }
    b.append(String.format(Locale.ROOT,
        "  end-to-end / parse-only: %.2fx wall, %.2fx cpu (first pass, JIT warm-up included: %.2fx wall)%n",
        c.ratio(), c.cpuRatio(), c.firstPassRatio()));
    b.append(String.format(Locale.ROOT, "  load + read alone / parse-only: %.2fx (the reader without the later stages)%n",
        c.readRatio()));
    if (!c.inspect().isEmpty()) {
      b.append(String.format(Locale.ROOT, "  inspect / parse-only: %.2fx wall%n", c.inspectRatio()));
    }
    if (c.commandOnOneThread().isPresent()) {
      b.append(String.format(Locale.ROOT, "  convert DIR --jobs 1 (fresh JVM) / parse-only (warm): %.2fx wall%n",
          c.commandRatio()));
    }
  }

  /**
   * A row of the batch table for the real command: wall time and the CPU of the whole process
   * (every thread), no per-thread allocation; its exit code where the others count files.
   */
  private static void commandRow(StringBuilder b, CommandBatch.Result c) {
    String path = "convert -j" + c.jobs() + (c.jit() == Jit.LAUNCHER ? " c1" : "");
    if (!c.finished()) {
      b.append(String.format(Locale.ROOT, "  %-4s %-14s failed: %s%n", "-", path, c.exit() == 3 ? "exit 3" : c.failure()));
      return;
    }
    b.append(String.format(Locale.ROOT, "  %-4s %-14s %9s %9.0f %7.1f %9s %11s %10s %10s %9s %14s%n", "-", path,
        s(c.wallNanos()), c.filesPerSecond(), c.bytes() / 1e6 / (c.wallNanos() / 1e9), s(c.processCpuNanos()), "n/a",
        mb(c.peakHeapBytes()), mb(c.liveHeapBytes()), mb(c.peakRssBytes()), "exit " + c.exit()));
  }

  private static void lowering(StringBuilder b, LoweringProfile.Result l) {
    b.append(String.format(Locale.ROOT, "%n(a) the emitter by lowering pass: %d pipelines x %d passes, lower %s, write %s,"
        + " %d samples inside lower%n", l.pipelines(), l.passes(), s(l.lowerNanos()), s(l.writeNanos()), l.samples()));
    b.append("  innermost lowering class on the stack (the pass at work, with what it calls):\n");
    shares(b, l.innermost(), l.samples());
    b.append("  step of FlyteLowering.lower (the class it called):\n");
    shares(b, l.outermost(), l.samples());
  }

  private static void shares(StringBuilder b, Map<String, Long> counts, long total) {
    int shown = 0;
    long rest = 0;
    for (Map.Entry<String, Long> e : counts.entrySet()) {
      if (shown < 12) {
        b.append(String.format(Locale.ROOT, "    %-24s %6d %5.1f%%%n", e.getKey(), e.getValue(), 100.0 * e.getValue() / Math.max(1, total)));
        shown++;
      } else {
        rest += e.getValue();
      }
    }
    if (rest > 0) {
      b.append(String.format(Locale.ROOT, "    %-24s %6d %5.1f%%%n", "(others)", rest, 100.0 * rest / Math.max(1, total)));
    }
  }

  private static void batchRow(StringBuilder b, int pass, String path, BatchRun.Result r) {
    b.append(String.format(Locale.ROOT, "  %-4d %-14s %9s %9.0f %7.1f %9s %11s %10s %10s %9s %6d %7d%n", pass, path,
        s(r.wallNanos()), r.filesPerSecond(), r.megabytesPerSecond(), s(r.cpuNanos()),
        kb(r.allocatedBytes() / Math.max(1, r.files())), mb(r.peakHeapBytes()), mb(r.liveHeapBytes()),
        r.peakRssBytes().isPresent() ? mb(r.peakRssBytes().getAsLong()) : "n/a", r.filesWithErrors(), r.crashes()));
  }

  private static String stages(Map<String, Long> nanos) {
    long total = nanos.values().stream().mapToLong(Long::longValue).sum();
    StringBuilder b = new StringBuilder();
    nanos.forEach((k, v) -> b.append(String.format(Locale.ROOT, " %s %s (%.0f%%)", k, s(v), 100.0 * v / Math.max(1, total))));
    return b.toString();
  }

  private static void scaling(StringBuilder b, List<ScalingRun.Result> rows) {
    b.append("\n(c) synthetic pipelines, in memory, medians; per task\n");
    b.append(String.format(Locale.ROOT, "  %-8s %7s %7s %8s %5s %9s %10s %10s %11s  %s%n", "shape", "asked", "tasks", "size",
        "runs", "wall", "wall/task", "cpu/task", "alloc/task", "per task by stage; inside the stages"));
    for (ScalingRun.Result r : rows) {
      if (r.failure().isPresent()) {
        b.append(String.format(Locale.ROOT, "  %-8s %7d %7d %8s  %s%n", name(r.shape()), r.requested(), r.tasks(),
            mb(r.bytes()), ScalingRun.wasSkipped(r) ? r.failure().get() : "crashed in " + r.failure().get()));
        continue;
      }
      StringBuilder perStage = new StringBuilder();
      r.stageNanos().forEach((k, v) -> perStage.append(String.format(Locale.ROOT, " %s %s", k, us((double) v / r.tasks()))));
      perStage.append(";");
      r.stepNanos().forEach((k, v) -> perStage.append(String.format(Locale.ROOT, " %s %s", k, us((double) v / r.tasks()))));
      b.append(String.format(Locale.ROOT, "  %-8s %7d %7d %8s %5d %9s %10s %10s %11s %s%s%n", name(r.shape()), r.requested(),
          r.tasks(), mb(r.bytes()), r.iterations(), s(r.wallNanos()), us(r.wallNanosPerTask()), us(r.cpuNanosPerTask()),
          kb((long) r.allocatedBytesPerTask()), perStage, r.clean() ? "" : "  (errors!)"));
    }
  }

  private static void cli(StringBuilder b, Results r) {
    b.append("\n(b) one CLI call, process start to exit, file ").append(r.cliFile().orElse("?")).append('\n');
    b.append(String.format(Locale.ROOT, "  %-20s %-10s %5s %9s %9s %9s %5s%n", "call", "flags", "runs", "median", "min", "max", "exit"));
    for (CliTiming.Result c : r.cli()) {
      b.append(String.format(Locale.ROOT, "  %-20s %-10s %5d %9s %9s %9s %5d%n", c.call(), c.variant(), c.runs(),
          s(c.medianNanos()), s(c.minNanos()), s(c.maxNanos()), c.exit()));
    }
    r.archiveBytes().ifPresent(a -> b.append("  AppCDS archive: ").append(mb(a)).append('\n'));
    for (CliCall call : CliCall.all()) {
      Optional<CliTiming.Result> base = find(r, call, "default");
      for (String v : List.of("appcds", "appcds+c1")) {
        Optional<CliTiming.Result> other = find(r, call, v);
        if (base.isPresent() && other.isPresent()) {
          double gain = 1 - (double) other.get().medianNanos() / base.get().medianNanos();
          b.append(String.format(Locale.ROOT, "  %s, %s vs default: %s -> %s (%.0f%% %s)%n", call.name(), v,
              s(base.get().medianNanos()), s(other.get().medianNanos()), 100 * Math.abs(gain),
              gain >= 0 ? "faster" : "slower"));
        }
      }
    }
  }

  private static Optional<CliTiming.Result> find(Results r, CliCall call, String variant) {
    return r.cli().stream().filter(c -> c.call().equals(call.name()) && c.variant().equals(variant)).findFirst();
  }

  /** The results as JSON, for tools and for comparing runs. */
  public static String json(Results r, List<Target> targets) {
    JsonWriter w = new JsonWriter().beginObject();
    Results.Machine m = r.machine();
    w.name("machine").beginObject()
        .name("cores").number(m.cores())
        .name("java").string(m.java())
        .name("vm").string(m.vm())
        .name("os").string(m.os())
        .name("maxHeapBytes").number(m.maxHeapBytes())
        .endObject();
    w.name("batches").beginArray();
    for (BatchComparison c : r.batches()) {
      w.beginObject().name("set").string(c.set()).name("originals").number(c.originals()).name("copies").number(c.copies())
          .name("ratio").number(c.ratio()).name("firstPassRatio").number(c.firstPassRatio())
          .name("cpuRatio").number(c.cpuRatio()).name("readRatio").number(c.readRatio());
      w.name("endToEnd").beginArray();
      c.endToEnd().forEach(p -> batchJson(w, p));
      w.endArray().name("parseOnly").beginArray();
      c.floor().forEach(p -> batchJson(w, p));
      w.endArray().name("inspect").beginArray();
      c.inspect().forEach(p -> batchJson(w, p));
      w.endArray().name("command").beginArray();
      c.command().forEach(p -> commandJson(w, p));
      w.endArray().name("commandRatio").number(c.commandRatio()).endObject();
    }
    w.endArray();
    w.name("synthetic").beginArray();
    for (ScalingRun.Result s : r.scaling()) {
      w.beginObject().name("shape").string(name(s.shape())).name("requested").number(s.requested())
          .name("tasks").number(s.tasks()).name("bytes").number(s.bytes()).name("iterations").number(s.iterations())
          .name("wallNanos").number(s.wallNanos()).name("cpuNanos").number(s.cpuNanos())
          .name("allocatedBytes").number(s.allocatedBytes())
          .name("wallNanosPerTask").number(s.wallNanosPerTask()).name("allocatedBytesPerTask").number(s.allocatedBytesPerTask())
          .name("clean").bool(s.clean()).name("failure").string(s.failure().orElse(null));
      nanos(w, "stageNanos", s.stageNanos());
      nanos(w, "stepNanos", s.stepNanos());
      w.endObject();
    }
    w.endArray();
    w.name("coldRuns").beginArray();
    for (ColdRun.Result c : r.cold()) {
      w.beginObject().name("shape").string(name(c.shape())).name("jit").string(name(c.jit())).name("tasks")
          .number(c.tasks()).name("startUpCpuNanos").number(c.startUpCpuNanos()).name("wallNanos").number(c.wallNanos()).name("threadCpuNanos").number(c.threadCpuNanos())
          .name("processCpuNanos").number(c.processCpuNanos()).name("errors").number(c.errors())
          .name("ok").bool(c.ok());
      nanos(w, "stageNanos", c.stageNanos());
      w.endObject();
    }
    w.endArray();
    w.name("smallHeap");
    if (r.smallHeap().isPresent()) {
      SmallHeapRun.Result h = r.smallHeap().get();
      w.beginObject().name("heapMegabytes").number(h.heapMegabytes()).name("files").number(h.files())
          .name("wallNanos").number(h.wallNanos()).name("peakHeapBytes").number(h.peakHeapBytes())
          .name("liveHeapBytes").number(h.liveHeapBytes()).name("peakRssBytes").number(h.peakRssBytes())
          .name("filesWithErrors").number(h.filesWithErrors()).name("ok").bool(h.ok()).name("failure").string(h.failure())
          .endObject();
    } else {
      w.nul();
    }
    w.name("smallHeapCommand");
    if (r.smallHeapCommand().isPresent()) {
      commandJson(w, r.smallHeapCommand().get());
    } else {
      w.nul();
    }
    w.name("lowering");
    if (r.lowering().isPresent()) {
      LoweringProfile.Result l = r.lowering().get();
      w.beginObject().name("pipelines").number(l.pipelines()).name("passes").number(l.passes())
          .name("lowerNanos").number(l.lowerNanos()).name("writeNanos").number(l.writeNanos())
          .name("samples").number(l.samples());
      nanos(w, "innermost", l.innermost());
      nanos(w, "outermost", l.outermost());
      w.endObject();
    } else {
      w.nul();
    }
    w.name("cli").beginObject().name("file");
    if (r.cliFile().isPresent()) {
      w.string(r.cliFile().get());
    } else {
      w.nul();
    }
    w.name("archiveBytes").number(r.archiveBytes().orElse(-1L));
    w.name("runs").beginArray();
    for (CliTiming.Result c : r.cli()) {
      w.beginObject().name("call").string(c.call()).name("variant").string(c.variant()).name("runs").number(c.runs())
          .name("medianNanos").number(c.medianNanos()).name("minNanos").number(c.minNanos())
          .name("maxNanos").number(c.maxNanos()).name("exit").number(c.exit()).endObject();
    }
    w.endArray().endObject();
    w.name("targets").beginArray();
    for (Target t : targets) {
      w.beginObject().name("id").string(t.id()).name("goal").string(t.goal()).name("measured").string(t.measured())
          .name("verdict").string(t.verdict().name()).endObject();
    }
    w.endArray();
    return w.endObject().toJson();
  }

  private static void batchJson(JsonWriter w, BatchRun.Result p) {
    w.beginObject().name("files").number(p.files()).name("bytes").number(p.bytes())
        .name("wallNanos").number(p.wallNanos()).name("cpuNanos").number(p.cpuNanos())
        .name("filesPerSecond").number(p.filesPerSecond()).name("megabytesPerSecond").number(p.megabytesPerSecond())
        .name("allocatedBytes").number(p.allocatedBytes()).name("peakHeapBytes").number(p.peakHeapBytes())
        .name("liveHeapBytes").number(p.liveHeapBytes()).name("peakRssBytes").number(rss(p.peakRssBytes()))
        .name("filesWithErrors").number(p.filesWithErrors()).name("crashes").number(p.crashes());
    nanos(w, "stageNanos", p.stageNanos());
    w.endObject();
  }

  private static void commandJson(JsonWriter w, CommandBatch.Result c) {
    w.beginObject().name("set").string(c.set()).name("jobs").number(c.jobs()).name("jit").string(name(c.jit()))
        .name("heapMegabytes").number(c.heapMegabytes())
        .name("files").number(c.files()).name("bytes").number(c.bytes()).name("wallNanos").number(c.wallNanos())
        .name("processCpuNanos").number(c.processCpuNanos()).name("peakHeapBytes").number(c.peakHeapBytes())
        .name("liveHeapBytes").number(c.liveHeapBytes()).name("peakRssBytes").number(c.peakRssBytes())
        .name("outputBytes").number(c.outputBytes()).name("exit").number(c.exit()).name("failure").string(c.failure())
        .endObject();
  }

  private static void nanos(JsonWriter w, String key, Map<String, Long> nanos) {
    w.name(key).beginObject();
    nanos.forEach((k, v) -> w.name(k).number(v));
    w.endObject();
  }

  private static long rss(OptionalLong v) {
    return v.orElse(-1);
  }

  private static String coldNote(ColdRun.Result c) {
    if (!c.ok()) {
      return "  (failed)";
    }
    return c.errors() == 0 ? "" : "  (" + c.errors() + (c.errors() == 1 ? " error)" : " errors)");
  }

  private static String name(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }

  private static String s(long nanos) {
    return nanos < 0 ? "n/a" : String.format(Locale.ROOT, "%.3f s", nanos / 1e9);
  }

  private static String us(double nanos) {
    return String.format(Locale.ROOT, "%.1f us", nanos / 1e3);
  }

  private static String kb(long bytes) {
    return String.format(Locale.ROOT, "%.1f KB", bytes / 1e3);
  }

  /** Bytes in MB of 10^6 bytes, as the whole table counts them (JVM flags count MiB). */
  private static String mb(long bytes) {
    return bytes < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
  }
}
