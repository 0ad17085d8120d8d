package io.flytemigrate.bench;

import io.flytemigrate.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The real batch command over a directory, {@code convert DIR -o OUT --jobs N}, through
 * {@link Main#run} in a fresh JVM of its own ({@link Child}), as a user's one call runs it: every
 * phase (read, check, lower, merge shared tasks, write, build and verify the package, reports),
 * the worker threads, JIT warm-up and garbage collection included. The per-file loop of
 * {@link BatchRun} measures the stages apart; this measures what the user waits for.
 */
public final class CommandBatch {
  private CommandBatch() {}

  /**
   * What one run of the command measured.
   *
   * @param jit the JIT flags the child JVM ran with
   * @param heapMegabytes the child's {@code -Xmx}, or 0 for the JVM's default heap
   * @param processCpuNanos CPU of the whole process during the command: workers, JIT and GC
   * @param liveHeapBytes the largest heap still in use after a collection: what the batch holds
   * @param outputBytes the size of everything the command wrote to OUT
   * @param exit the command's exit code (0 or 1 are answers, 3 an internal error), -1 when the
   *     child died (out of memory, killed)
   * @param failure the end of the child's output when it died, else empty
   */
  public record Result(String set, int jobs, Jit jit, int heapMegabytes, int files, long bytes, long wallNanos,
      long processCpuNanos, long peakHeapBytes, long liveHeapBytes, long peakRssBytes, long outputBytes, int exit,
      String failure) {
    /** The command finished with an answer: exit 0 or 1, not an internal error or a dead JVM. */
    public boolean finished() {
      return exit == 0 || exit == 1;
    }

    public double filesPerSecond() {
      return files / (wallNanos / 1e9);
    }
  }

  /** Runs the command in this JVM and prints the result line; call in a fresh JVM only. */
  public static void runHere(Path dir, Path out, int jobs) throws IOException {
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    Counting stdout = new Counting();
    Counting stderr = new Counting();
    int exit;
    long wall;
    long cpu;
    long peak;
    long live;
    System.gc();
    Memory.resetPeaks();
    try (LiveHeap watch = LiveHeap.watch();
         PrintWriter o = new PrintWriter(stdout);
         PrintWriter e = new PrintWriter(stderr)) {
      long cpu0 = os.getProcessCpuTime();
      long start = System.nanoTime();
      exit = Main.run(o, e, "convert", dir.toString(), "-o", out.toString(), "--jobs", Integer.toString(jobs),
          "--force", "--progress", "none", "--diagnostics", "short");
      wall = System.nanoTime() - start;
      cpu = os.getProcessCpuTime() - cpu0;
      peak = Memory.peakHeapBytes();
      live = watch.peakBytes();
    }
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("exit", exit);
    values.put("wallNanos", wall);
    values.put("processCpuNanos", cpu);
    values.put("peakHeapBytes", peak);
    values.put("liveHeapBytes", live);
    values.put("peakRssBytes", Memory.peakRssBytes().orElse(-1));
    values.put("outputBytes", sizeOf(out));
    values.put("stdoutChars", stdout.chars);
    values.put("stderrChars", stderr.chars);
    Child.report(values);
  }

  /**
   * Runs the command over {@code replica} in a fresh JVM, writing to a directory under
   * {@code scratch} that is deleted afterwards.
   *
   * @param heapMegabytes {@code -Xmx} of the child, or 0 for the JVM's default
   */
  public static Result inChild(String set, Replica replica, int jobs, Jit jit, int heapMegabytes, Path scratch)
      throws IOException, InterruptedException {
    Path out = scratch.resolve("command-out-" + jobs + "-" + heapMegabytes);
    List<String> flags = new ArrayList<>(jit.flags());
    if (heapMegabytes > 0) {
      flags.add("-Xmx" + heapMegabytes + "m");
    }
    // Out of memory ends the child at once instead of the batch carrying on in a full heap.
    flags.add("-XX:+ExitOnOutOfMemoryError");
    try {
      Child c = Child.run(flags, List.of("command", replica.dir().toString(), out.toString(), Integer.toString(jobs)));
      if (!c.ok()) {
        String tail = c.output().strip();
        return new Result(set, jobs, jit, heapMegabytes, replica.files(), replica.bytes(), -1, -1, -1, -1, -1, -1, -1,
            "exit " + c.exit() + ": " + tail.substring(Math.max(0, tail.length() - 600)));
      }
      return new Result(set, jobs, jit, heapMegabytes, replica.files(), replica.bytes(), c.longValue("wallNanos"),
          c.longValue("processCpuNanos"), c.longValue("peakHeapBytes"), c.longValue("liveHeapBytes"),
          c.longValue("peakRssBytes"), c.longValue("outputBytes"), (int) c.longValue("exit"), "");
    } finally {
      Replica.deleteTree(out);
    }
  }

  private static long sizeOf(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      long total = 0;
      for (Path p : (Iterable<Path>) files::iterator) {
        if (Files.isRegularFile(p)) {
          total += Files.size(p);
        }
      }
      return total;
    }
  }

  /** Keeps only the count of what the command prints, so its output costs the batch no memory. */
  private static final class Counting extends Writer {
    long chars;

    @Override
    public void write(char[] buffer, int offset, int length) {
      chars += length;
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
