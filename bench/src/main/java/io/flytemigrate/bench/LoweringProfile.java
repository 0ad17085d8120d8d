package io.flytemigrate.bench;

import io.flytemigrate.flyte.lower.FlyteLowering;
import io.flytemigrate.flyte.lower.Lowered;
import io.flytemigrate.flyte.lower.LoweringOptions;
import io.flytemigrate.flyte.python.FlytekitProjectWriter;
import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.diag.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the emitter's time goes, by lowering pass. The passes are package-private classes of
 * {@code io.flytemigrate.flyte.lower}, so they cannot be timed one by one from outside as the
 * reader's pieces are ({@link KfpV2Breakdown}); instead the corpus is lowered in a loop under the
 * JDK's own sampling profiler (Flight Recorder, {@code jdk.ExecutionSample} every few
 * milliseconds), and each sample taken inside {@link FlyteLowering#lower} is charged to a class
 * of the lowering twice: to the innermost one on the stack (the pass doing the work, with the JDK
 * and IR code it calls) and to the outermost one below {@code FlyteLowering} (the step of
 * {@code lower} it belongs to). Runs in a {@link Child} with a deep stack depth, so that no sample
 * loses the frames it is charged by.
 */
public final class LoweringProfile {
  private static final String PACKAGE = "io.flytemigrate.flyte.lower.";
  private static final String ENTRY = PACKAGE + "FlyteLowering";
  /** The sampling interval: short, so that a run of seconds gives thousands of samples. */
  private static final Duration PERIOD = Duration.ofMillis(2);

  private LoweringProfile() {}

  /**
   * The profile of one run.
   *
   * @param lowerNanos wall time spent in {@link FlyteLowering#lower} over every pass of the loop
   * @param writeNanos wall time spent in {@link FlytekitProjectWriter#write} over the same passes
   * @param samples samples taken inside {@code lower}
   * @param innermost samples by the innermost lowering class on the stack, largest first
   * @param outermost samples by the lowering class that {@code FlyteLowering} called, largest first
   */
  public record Result(int pipelines, int passes, long lowerNanos, long writeNanos, long samples,
      Map<String, Long> innermost, Map<String, Long> outermost) {
    public Result {
      innermost = Collections.unmodifiableMap(new LinkedHashMap<>(innermost));
      outermost = Collections.unmodifiableMap(new LinkedHashMap<>(outermost));
    }
  }

  /** The charges of one sample's stack, leaf first: the innermost and outermost lowering class. */
  record Charge(String innermost, String outermost) {}

  /**
   * Charges one stack (class names, leaf first). Null when the sample is not inside
   * {@code FlyteLowering}: the loop's own code, or the project writer.
   */
  static Charge charge(List<String> classesLeafFirst) {
    int entry = -1;
    for (int i = classesLeafFirst.size() - 1; i >= 0; i--) {
      if (classesLeafFirst.get(i).equals(ENTRY)) {
        entry = i;
        break;
      }
    }
    if (entry < 0) {
      return null;
    }
    String inner = simpleName(ENTRY);
    for (int i = 0; i <= entry; i++) {
      String c = classesLeafFirst.get(i);
      if (c.startsWith(PACKAGE)) {
        inner = simpleName(c);
        break;
      }
    }
    String outer = simpleName(ENTRY);
    for (int i = entry - 1; i >= 0; i--) {
      String c = classesLeafFirst.get(i);
      if (c.startsWith(PACKAGE) && !c.equals(ENTRY)) {
        outer = simpleName(c);
        break;
      }
    }
    return new Charge(inner, outer);
  }

  /** {@code GraphLowering} for {@code ...lower.GraphLowering$Scope} and for itself. */
  private static String simpleName(String className) {
    String s = className.substring(className.lastIndexOf('.') + 1);
    int nested = s.indexOf('$');
    return nested < 0 ? s : s.substring(0, nested);
  }

  /** Profiles the lowering of {@code pipelines} for about {@code seconds}, in this JVM. */
  public static Result profile(List<Pipeline> pipelines, int seconds, Path scratch) throws IOException {
    // Warm up first, so the profile shows the steady state rather than the interpreter.
    loop(pipelines, System.nanoTime() + Duration.ofSeconds(Math.max(1, seconds / 3)).toNanos(), new long[2]);
    Path file = scratch.resolve("lowering.jfr");
    long[] nanos = new long[2];
    int passes;
    try (Recording r = new Recording()) {
      r.enable("jdk.ExecutionSample").withPeriod(PERIOD);
      r.start();
      passes = loop(pipelines, System.nanoTime() + Duration.ofSeconds(seconds).toNanos(), nanos);
      r.stop();
      r.dump(file);
    }
    Map<String, Long> inner = new TreeMap<>();
    Map<String, Long> outer = new TreeMap<>();
    long samples = 0;
    for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
      if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStackTrace() == null) {
        continue;
      }
      List<String> classes = new ArrayList<>();
      for (RecordedFrame f : e.getStackTrace().getFrames()) {
        classes.add(f.getMethod().getType().getName());
      }
      Charge c = charge(classes);
      if (c != null) {
        samples++;
        inner.merge(c.innermost(), 1L, Long::sum);
        outer.merge(c.outermost(), 1L, Long::sum);
      }
    }
    Files.deleteIfExists(file);
    return new Result(pipelines.size(), passes, nanos[0], nanos[1], samples, largestFirst(inner), largestFirst(outer));
  }

  /** Lowers and writes every pipeline, pass after pass, until {@code deadline}; returns the passes. */
  private static int loop(List<Pipeline> pipelines, long deadline, long[] nanos) {
    int passes = 0;
    long sink = 0;
    do {
      for (Pipeline p : pipelines) {
        long t0 = System.nanoTime();
        Outcome<Lowered> lowered = FlyteLowering.lower(p, LoweringOptions.DEFAULT);
        long t1 = System.nanoTime();
        if (lowered.value().isPresent()) {
          sink += FlytekitProjectWriter.write(lowered.value().get().project()).size();
        }
        long t2 = System.nanoTime();
        nanos[0] += t1 - t0;
        nanos[1] += t2 - t1;
      }
      passes++;
    } while (System.nanoTime() < deadline);
    return sink < 0 ? -1 : passes;
  }

  private static Map<String, Long> largestFirst(Map<String, Long> counts) {
    List<Map.Entry<String, Long>> entries = new ArrayList<>(counts.entrySet());
    entries.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
    Map<String, Long> out = new LinkedHashMap<>();
    entries.forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  /** Reads the corpus folder, profiles it and prints the result line; call in a fresh JVM. */
  public static void runHere(Path folder, int seconds) throws IOException {
    List<Pipeline> pipelines = new ArrayList<>();
    for (Path f : Replica.filesBelow(folder)) {
      Work w = Stages.run(Stages.readFromFile(), Work.ofFile(f.toString()));
      w.pipeline().ifPresent(pipelines::add);
    }
    Path scratch = Files.createTempDirectory("flyte-migrate-profile");
    Result r;
    try {
      r = profile(pipelines, seconds, scratch);
    } finally {
      Replica.deleteTree(scratch);
    }
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("pipelines", r.pipelines());
    values.put("passes", r.passes());
    values.put("lowerNanos", r.lowerNanos());
    values.put("writeNanos", r.writeNanos());
    values.put("samples", r.samples());
    r.innermost().forEach((k, v) -> values.put("inner." + k, v));
    r.outermost().forEach((k, v) -> values.put("outer." + k, v));
    Child.report(values);
  }

  /** Profiles in a fresh JVM whose samples keep up to 2,048 frames. */
  public static Result inChild(Path folder, int seconds) throws IOException, InterruptedException {
    Child c = Child.run(List.of("-XX:FlightRecorderOptions=stackdepth=2048"),
        List.of("lowering-profile", folder.toString(), Integer.toString(seconds)));
    Map<String, Long> inner = new LinkedHashMap<>();
    Map<String, Long> outer = new LinkedHashMap<>();
    c.values().forEach((k, v) -> {
      if (k.startsWith("inner.")) {
        inner.put(k.substring("inner.".length()), Long.parseLong(v));
      } else if (k.startsWith("outer.")) {
        outer.put(k.substring("outer.".length()), Long.parseLong(v));
      }
    });
    return new Result((int) c.longValue("pipelines"), (int) c.longValue("passes"), c.longValue("lowerNanos"),
        c.longValue("writeNanos"), c.longValue("samples"), inner, outer);
  }
}
