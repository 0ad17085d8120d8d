package io.flytemigrate.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Times the real command as a CI job runs it: {@code java -jar flyte-migrate.jar ...} as a new
 * process, wall time from start to exit, several runs, median reported. Also tries the start-up
 * options that need no code change: an application class-data-sharing archive (AppCDS, made by
 * one run with {@code -XX:ArchiveClassesAtExit}) and the C1-only JIT.
 */
public final class CliTiming {
  private CliTiming() {}

  /** A set of JVM flags to time the command with. */
  public record Variant(String name, List<String> jvmFlags) {
    public Variant {
      jvmFlags = List.copyOf(jvmFlags);
    }
  }

  /**
   * The timings of one call with one variant.
   *
   * @param exit the exit code of the last run (0 or 1 are normal for {@code inspect})
   */
  public record Result(String call, String variant, int runs, long medianNanos, long minNanos, long maxNanos, int exit) {}

  /** The variants: the default JVM, then with an AppCDS archive at {@code archive}. */
  public static List<Variant> variants(Path archive) {
    String cds = "-XX:SharedArchiveFile=" + archive;
    return List.of(
        new Variant("default", List.of()),
        new Variant("appcds", List.of(cds)),
        new Variant("appcds+c1", List.of(cds, "-XX:TieredStopAtLevel=1")));
  }

  /** Creates the AppCDS archive by running {@code call} once; true when the archive exists after. */
  public static boolean makeArchive(Path jar, Path archive, CliCall call, Path file, Path scratch)
      throws IOException, InterruptedException {
    Files.createDirectories(archive.getParent());
    Files.deleteIfExists(archive);
    runOnce(jar, List.of("-XX:ArchiveClassesAtExit=" + archive), call, file, scratch);
    return Files.isRegularFile(archive);
  }

  /**
   * Runs {@code call} {@code runs} times with every variant, the variants taking turns run by run
   * (after one unmeasured run each to warm the file cache), so that load from other processes
   * falls on all of them alike and the comparison between them stays fair.
   */
  public static List<Result> time(Path jar, List<Variant> variants, CliCall call, Path file, int runs, Path scratch)
      throws IOException, InterruptedException {
    long[][] nanos = new long[variants.size()][runs];
    int[] exit = new int[variants.size()];
    for (Variant v : variants) {
      runOnce(jar, v.jvmFlags(), call, file, scratch);
    }
    for (int i = 0; i < runs; i++) {
      for (int v = 0; v < variants.size(); v++) {
        long start = System.nanoTime();
        exit[v] = runOnce(jar, variants.get(v).jvmFlags(), call, file, scratch);
        nanos[v][i] = System.nanoTime() - start;
      }
    }
    List<Result> out = new ArrayList<>();
    for (int v = 0; v < variants.size(); v++) {
      long min = Long.MAX_VALUE;
      long max = 0;
      for (long n : nanos[v]) {
        min = Math.min(min, n);
        max = Math.max(max, n);
      }
      out.add(new Result(call.name(), variants.get(v).name(), runs, ScalingRun.median(nanos[v]), min, max, exit[v]));
    }
    return out;
  }

  private static int runOnce(Path jar, List<String> jvmFlags, CliCall call, Path file, Path scratch)
      throws IOException, InterruptedException {
    Path out = Files.createTempDirectory(scratch, "out");
    List<String> command = new ArrayList<>();
    command.add(Child.java().toString());
    command.addAll(jvmFlags);
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(call.expand(file.toString(), out.resolve("out").toString()));
    Process p = new ProcessBuilder(command)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    try {
      if (!p.waitFor(2, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        return -1;
      }
      return p.exitValue();
    } finally {
      Replica.deleteTree(out);
    }
  }
}
