package io.flytemigrate.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * One pass over a batch directory, file by file, the way a batch conversion runs: each file is
 * loaded, taken through every stage and dropped before the next is opened, so nothing holds the
 * batch. Directory entries are streamed, not listed up front.
 */
public final class BatchRun {
  private BatchRun() {}

  /**
   * What one pass measured.
   *
   * @param wallNanos from the first file opened to the last result dropped
   * @param cpuNanos CPU time of the thread that ran the pass
   * @param allocatedBytes bytes allocated by that thread
   * @param peakHeapBytes sum of the heap pools' peaks during the pass (an upper bound)
   * @param liveHeapBytes the largest heap still in use after a collection during the pass
   * @param peakRssBytes the process's peak resident set so far (it never goes down)
   * @param filesWithErrors files whose diagnostics include an error, or that crashed (0 for a
   *     valid corpus)
   * @param crashes files on which a stage threw: the command would have exited 3
   */
  public record Result(
      String name,
      int files,
      long bytes,
      long wallNanos,
      long cpuNanos,
      long allocatedBytes,
      Map<String, Long> stageNanos,
      long peakHeapBytes,
      long liveHeapBytes,
      OptionalLong peakRssBytes,
      int filesWithErrors,
      int crashes) {
    public Result {
      stageNanos = Collections.unmodifiableMap(new LinkedHashMap<>(stageNanos));
    }

    public double filesPerSecond() {
      return files / (wallNanos / 1e9);
    }

    public double megabytesPerSecond() {
      return bytes / 1e6 / (wallNanos / 1e9);
    }
  }

  /** Runs {@code stages} over every file of {@code dir}. */
  public static Result run(String name, Path dir, List<Stage> stages) throws IOException {
    StageClock clock = new StageClock(stages);
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long tid = Thread.currentThread().getId();
    int files = 0;
    long bytes = 0;
    int withErrors = 0;
    int crashes = 0;
    System.gc();
    Memory.resetPeaks();
    try (LiveHeap live = LiveHeap.watch()) {
      long alloc0 = threads.getThreadAllocatedBytes(tid);
      long cpu0 = threads.getCurrentThreadCpuTime();
      long start = System.nanoTime();
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
        for (Path file : entries) {
          bytes += Files.size(file);
          Work done = clock.run(Work.ofFile(file.toString()));
          files++;
          if (done.hasErrors()) {
            withErrors++;
          }
          if (done.failure().isPresent()) {
            crashes++;
          }
        }
      }
      long wall = System.nanoTime() - start;
      long cpu = threads.getCurrentThreadCpuTime() - cpu0;
      long alloc = threads.getThreadAllocatedBytes(tid) - alloc0;
      long peak = Memory.peakHeapBytes();
      return new Result(name, files, bytes, wall, cpu, alloc, clock.totals(), peak, live.peakBytes(),
          Memory.peakRssBytes(), withErrors, crashes);
    }
  }
}
