package io.flytemigrate.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A large batch through the whole file path in a JVM with a small fixed heap ({@code -Xmx}): it
 * finishes only if nothing holds the batch in memory. Runs in a {@link Child}.
 */
public final class SmallHeapRun {
  private SmallHeapRun() {}

  /**
   * What the child reported.
   *
   * @param ok the child finished (no out-of-memory) and every file read without errors
   */
  public record Result(int heapMegabytes, int files, long wallNanos, long peakHeapBytes, long liveHeapBytes,
      long peakRssBytes, int filesWithErrors, boolean ok, String failure) {}

  /** Runs the batch in this JVM and prints the result line. */
  public static void runHere(Path dir) throws IOException {
    BatchRun.Result r = BatchRun.run("small-heap", dir, Stages.fromFile());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("files", r.files());
    out.put("wallNanos", r.wallNanos());
    out.put("peakHeapBytes", r.peakHeapBytes());
    out.put("liveHeapBytes", r.liveHeapBytes());
    out.put("peakRssBytes", r.peakRssBytes().orElse(-1));
    out.put("filesWithErrors", r.filesWithErrors());
    Child.report(out);
  }

  /** Runs the batch over {@code dir} in a fresh JVM with {@code -Xmx<heapMegabytes>m}. */
  public static Result inChild(Path dir, int heapMegabytes) throws IOException, InterruptedException {
    Child c = Child.run(List.of("-Xmx" + heapMegabytes + "m"),
        List.of("small-heap", dir.toString()));
    if (!c.ok()) {
      String tail = c.output().strip();
      int from = Math.max(0, tail.length() - 600);
      return new Result(heapMegabytes, 0, -1, -1, -1, -1, -1, false, "exit " + c.exit() + ": " + tail.substring(from));
    }
    int errors = (int) c.longValue("filesWithErrors");
    return new Result(heapMegabytes, (int) c.longValue("files"), c.longValue("wallNanos"), c.longValue("peakHeapBytes"),
        c.longValue("liveHeapBytes"), c.longValue("peakRssBytes"), errors, errors == 0, "");
  }
}
