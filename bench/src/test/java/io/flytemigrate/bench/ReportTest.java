package io.flytemigrate.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Targets and the report, on made-up results: what passes, what fails, and how it is shown. */
class ReportTest {
  private static final long S = 1_000_000_000L;

  private static BatchRun.Result pass(long wallNanos) {
    return new BatchRun.Result("x", 5000, 45_000_000, wallNanos, wallNanos, 1 << 30, Map.of("load", 1L, "read", 2L),
        100_000_000, 5_000_000, OptionalLong.of(300_000_000), 0, 0);
  }

  private static ScalingRun.Result scaling(Shape shape, int tasks, long wallNanos) {
    return new ScalingRun.Result(shape, tasks, tasks, tasks * 500L, 3, wallNanos, wallNanos, tasks * 80_000L,
        Map.of("read", wallNanos / 2), Map.of("spec-map", wallNanos / 4), true, Optional.empty());
  }

  private static CommandBatch.Result command(int jobs, int heapMb, long wallNanos, int exit) {
    return new CommandBatch.Result("kfp-v2", jobs, Jit.DEFAULT, heapMb, heapMb > 0 ? 10_000 : 5000, 45_000_000, wallNanos, 2 * wallNanos,
        900_000_000, 600_000_000, 1_200_000_000, 30_000_000, exit, exit < 0 ? "exit 3: java.lang.OutOfMemoryError" : "");
  }

  private static CommandBatch.Result launcher(CommandBatch.Result c) {
    return new CommandBatch.Result(c.set(), c.jobs(), Jit.LAUNCHER, c.heapMegabytes(), c.files(), c.bytes(), c.wallNanos(),
        c.processCpuNanos(), c.peakHeapBytes(), c.liveHeapBytes(), c.peakRssBytes(), c.outputBytes(), c.exit(), c.failure());
  }

  private static Results results(long e2e, long floor, long perTaskLarge, long coldCpu, boolean heapOk, long cli) {
    List<ScalingRun.Result> sc = new ArrayList<>();
    for (Shape s : Shape.values()) {
      sc.add(scaling(s, 1000, 1000 * 100_000L));
      sc.add(scaling(s, 20_000, 20_000 * perTaskLarge));
    }
    return new Results(Results.Machine.current(),
        List.of(new BatchComparison("kfp-v2", 100, 50, List.of(pass(e2e)), List.of(pass(floor)), List.of(pass(e2e)),
            List.of(command(1, 0, e2e, 0), command(2, 0, e2e / 2, 0), launcher(command(1, 0, 9 * e2e, 0))))),
        sc,
        List.of(new ColdRun.Result(Shape.CHAIN, Jit.DEFAULT, 5000, S / 4, 2 * coldCpu, 2 * coldCpu, 4 * coldCpu,
                Map.of("read", 2 * coldCpu), 0, true),
            new ColdRun.Result(Shape.CHAIN, Jit.LAUNCHER, 5000, S / 5, coldCpu, coldCpu, 2 * coldCpu,
                Map.of("read", coldCpu), 0, true),
            new ColdRun.Result(Shape.DEEP_PIPELINES, Jit.LAUNCHER, 4999, S / 5, 9 * coldCpu, 9 * coldCpu,
                9 * coldCpu, Map.of("read", coldCpu), 1, true)),
        Optional.of(new SmallHeapRun.Result(256, heapOk ? 10_000 : 0, 20 * S, 200_000_000, 8_000_000, 400_000_000,
            heapOk ? 0 : -1, heapOk, heapOk ? "" : "exit 1: java.lang.OutOfMemoryError: Java heap space")),
        Optional.of(command(2, 256, 40 * S, heapOk ? 0 : -1)),
        Optional.of(new LoweringProfile.Result(100, 20, 3 * S, S / 2, 1000, Map.of("TaskLowering", 600L, "Types", 400L),
            Map.of("GraphLowering", 900L, "Versions", 100L))),
        List.of(new CliTiming.Result("convert", "default", 10, cli, cli, cli, 0),
            new CliTiming.Result("convert", "appcds", 10, cli / 2, cli / 2, cli / 2, 0),
            new CliTiming.Result("convert", "appcds+c1", 10, cli / 2, cli / 2, cli / 2, 0),
            new CliTiming.Result("inspect", "default", 10, cli, cli, cli, 0),
            new CliTiming.Result("inspect", "appcds", 10, cli / 2, cli / 2, cli / 2, 0),
            new CliTiming.Result("inspect", "appcds+c1", 10, cli / 2, cli / 2, cli / 2, 0)),
        Optional.of("kfp/x.yaml"), Optional.of(4_000_000L));
  }

  private static List<Target.Verdict> verdicts(Results r) {
    return Targets.check(r).stream().map(Target::verdict).toList();
  }

  @Test
  void everyTargetMetPasses() {
    Results r = results(3 * S, 2 * S, 200_000, S / 2, true, S / 4);
    assertEquals(List.of(Target.Verdict.PASS, Target.Verdict.PASS, Target.Verdict.PASS, Target.Verdict.PASS,
        Target.Verdict.PASS, Target.Verdict.PASS, Target.Verdict.PASS, Target.Verdict.PASS, Target.Verdict.PASS,
        Target.Verdict.PASS, Target.Verdict.PASS, Target.Verdict.PASS), verdicts(r));
  }

  @Test
  void everyTargetMissedFails() {
    Results r = results(5 * S, 2 * S, 600_000, 2 * S, false, 2 * S);
    assertEquals(List.of(Target.Verdict.FAIL, Target.Verdict.FAIL, Target.Verdict.FAIL, Target.Verdict.FAIL,
        Target.Verdict.FAIL, Target.Verdict.FAIL, Target.Verdict.FAIL, Target.Verdict.FAIL, Target.Verdict.FAIL,
        Target.Verdict.FAIL, Target.Verdict.FAIL, Target.Verdict.FAIL), verdicts(r));
    List<Target> t = Targets.check(r);
    assertEquals("2.50x over every corpus set (5.000 s vs 2.000 s; kfp-v2 2.50x)", t.get(0).measured());
    assertEquals("2.50x over every corpus set (5.000 s vs 2.000 s; kfp-v2 2.50x)", t.get(1).measured(),
        "the real command on one thread");
    assertEquals("worst 6.00x (whole path on chain)", t.get(2).measured());
    assertEquals("failed with -Xmx256m on 10000 files: exit 3: java.lang.OutOfMemoryError", t.get(5).measured());
  }

  /** The batch targets add every set up: a small set far above 2x does not stand for the corpus. */
  @Test
  void theBatchIsJudgedOverEveryCorpusSetTogether() {
    Results base = results(3 * S, 2 * S, 200_000, S / 2, true, S / 4);
    List<BatchComparison> sets = new ArrayList<>(base.batches());
    sets.add(new BatchComparison("airflow-serialized", 6, 50, List.of(pass(S)), List.of(pass(S / 10)), List.of(pass(S)),
        List.of(command(1, 0, 2 * S, 0))));
    Results r = new Results(base.machine(), sets, base.scaling(), base.cold(), base.smallHeap(), base.smallHeapCommand(),
        base.lowering(), base.cli(), base.cliFile(), base.archiveBytes());
    List<Target> t = Targets.check(r);
    assertEquals(Target.Verdict.PASS, t.get(0).verdict(), t.get(0)::measured);
    assertEquals("1.90x over every corpus set (4.000 s vs 2.100 s; kfp-v2 1.50x, airflow-serialized 10.00x)",
        t.get(0).measured());
    assertEquals(Target.Verdict.FAIL, t.get(1).verdict());
    assertEquals("2.38x over every corpus set (5.000 s vs 2.100 s; kfp-v2 1.50x, airflow-serialized 20.00x)",
        t.get(1).measured());
  }

  /** The first-call target judges the launcher's JIT after start-up, and names both JITs. */
  @Test
  void theFirstCallIsJudgedOnTheLaunchersJitAfterStartUp() {
    // default JIT 1.6 s after start-up, launcher 0.8 s (1.0 s with its 0.2 s start-up): a pass.
    Target t = Targets.check(results(3 * S, 2 * S, 200_000, 8 * S / 10, true, S / 4)).get(3);
    assertEquals(Target.Verdict.PASS, t.verdict());
    assertEquals("default JIT: 1.600 s thread CPU after start-up, 1.850 s with it, 3.200 s process CPU incl. JIT and GC"
        + " (worst shape: chain); launcher JIT: 0.800 s thread CPU after start-up, 1.000 s with it, 1.600 s process CPU"
        + " incl. JIT and GC (worst shape: chain); not judged, ended in an error: deep_pipelines", t.measured());
    Target slow = Targets.check(results(3 * S, 2 * S, 200_000, 11 * S / 10, true, S / 4)).get(3);
    assertEquals(Target.Verdict.FAIL, slow.verdict());
  }

  /** The whole path grows 1.2x per task, but one stage in it 12x: a quadratic pass, and a failure. */
  @Test
  void aQuadraticStageFailsEvenWhenThePathLooksLinear() {
    Results base = results(3 * S, 2 * S, 120_000, S / 2, true, S / 4);
    List<ScalingRun.Result> sc = new ArrayList<>(base.scaling());
    sc.set(1, new ScalingRun.Result(Shape.CHAIN, 20_000, 20_000, 1, 3, 20_000 * 120_000L, 1, 1,
        Map.of("read", 20_000 * 12 * 50_000L), Map.of(), true, Optional.empty()));
    Results r = new Results(base.machine(), base.batches(), sc, base.cold(), base.smallHeap(), base.smallHeapCommand(),
        base.lowering(), base.cli(), base.cliFile(), base.archiveBytes());
    Target linear = Targets.check(r).get(2);
    assertEquals(Target.Verdict.FAIL, linear.verdict());
    assertEquals("worst 12.00x (stage read on chain)", linear.measured());
  }

  /** A step inside a stage (one validator) that grows 8x per task fails the target by its name. */
  @Test
  void aQuadraticStepInsideAStageIsNamed() {
    Results base = results(3 * S, 2 * S, 110_000, S / 2, true, S / 4);
    List<ScalingRun.Result> sc = new ArrayList<>(base.scaling());
    sc.set(0, new ScalingRun.Result(Shape.CHAIN, 1000, 1000, 1, 3, 1000 * 100_000L, 1, 1, Map.of("check", 1000 * 20_000L),
        Map.of("check:NoDependencyCycles", 1000 * 10_000L), true, Optional.empty()));
    sc.set(1, new ScalingRun.Result(Shape.CHAIN, 20_000, 20_000, 1, 3, 20_000 * 110_000L, 1, 1,
        Map.of("check", 20_000 * 25_000L), Map.of("check:NoDependencyCycles", 20_000 * 80_000L), true, Optional.empty()));
    Results r = new Results(base.machine(), base.batches(), sc, base.cold(), base.smallHeap(), base.smallHeapCommand(),
        base.lowering(), base.cli(), base.cliFile(), base.archiveBytes());
    Target linear = Targets.check(r).get(2);
    assertEquals(Target.Verdict.FAIL, linear.verdict());
    assertEquals("worst 8.00x (step check:NoDependencyCycles on chain)", linear.measured());
  }

  /** A size skipped because a smaller one was already slow is judged by that smaller one. */
  @Test
  void aSkippedLargeSizeIsJudgedByTheLargestMeasured() {
    Results base = results(3 * S, 2 * S, 100_000, S / 2, true, S / 4);
    List<ScalingRun.Result> sc = new ArrayList<>(base.scaling());
    ScalingRun.Result slow = scaling(Shape.FAN_OUT, 5000, 5000 * 7_000_000L);
    sc.set(3, ScalingRun.skipped(Shape.FAN_OUT, 20_000, slow));
    sc.add(slow);
    Results r = new Results(base.machine(), base.batches(), sc, base.cold(), base.smallHeap(), base.smallHeapCommand(),
        base.lowering(), base.cli(), base.cliFile(), base.archiveBytes());
    Target linear = Targets.check(r).get(2);
    assertEquals(Target.Verdict.FAIL, linear.verdict());
    assertEquals("worst 70.00x (whole path on fan_out at 5000 tasks, larger sizes skipped)", linear.measured());
    assertTrue(Report.table(r, Targets.check(r)).contains("skipped: the 5000-task pass took 35 s"));
  }

  @Test
  void aCrashAtAnySizeFailsTheLinearTarget() {
    Results base = results(3 * S, 2 * S, 100_000, S / 2, true, S / 4);
    List<ScalingRun.Result> sc = new ArrayList<>(base.scaling());
    sc.add(new ScalingRun.Result(Shape.NESTED, 5000, 4901, 1, 0, -1, -1, -1, Map.of(), Map.of(), false,
        Optional.of("emit: StackOverflowError")));
    Results r = new Results(base.machine(), base.batches(), sc, base.cold(), base.smallHeap(), base.smallHeapCommand(),
        base.lowering(), base.cli(), base.cliFile(), base.archiveBytes());
    Target linear = Targets.check(r).get(2);
    assertEquals(Target.Verdict.FAIL, linear.verdict());
    assertEquals("crashed on nested at 4901 tasks (emit: StackOverflowError)", linear.measured());
    assertTrue(Report.table(r, Targets.check(r)).contains("crashed in emit: StackOverflowError"));
  }

  @Test
  void skippedPartsAreNotMeasuredRatherThanFailed() {
    Results r = new Results(Results.Machine.current(), List.of(), List.of(), List.of(), Optional.empty(), Optional.empty(),
        Optional.empty(), List.of(), Optional.empty(), Optional.empty());
    assertTrue(verdicts(r).stream().allMatch(v -> v == Target.Verdict.NOT_MEASURED), verdicts(r)::toString);
  }

  @Test
  void theTableShowsEveryPartAndEveryVerdict() {
    Results r = results(3 * S, 2 * S, 200_000, S / 2, true, S / 4);
    String table = Report.table(r, Targets.check(r));
    assertTrue(table.contains("end-to-end / parse-only: 1.50x wall, 1.50x cpu"), table);
    // load 1 + read 2 over the floor's load 1 + read 2: the made-up stages are the same.
    assertTrue(table.contains("load + read alone / parse-only: 1.00x"), table);
    assertTrue(table.contains("convert, appcds vs default: 0.250 s -> 0.125 s (50% faster)"), table);
    assertTrue(table.contains("PASS         batch-within-2x-of-parse-only"), table);
    assertTrue(table.contains("  launcher chain       5000   0.200 s   0.500 s     0.500 s      1.000 s"), table);
    assertTrue(table.contains("(a) batch in a small heap: -Xmx256m (268.4 MB)"), table);
    assertTrue(table.contains("convert DIR --jobs 1 (fresh JVM) / parse-only (warm): 1.50x wall"), table);
    assertTrue(table.contains("  -    convert -j2      1.500 s      3333    30.0   3.000 s         n/a   900.0 MB   600.0 MB"
        + " 1200.0 MB         exit 0"), table);
    assertTrue(table.contains("  convert DIR --jobs 2: 10000 files in 40.000 s, 250 files/s, exit 0"), table);
    // The launcher's JIT has its own row and does not stand in for the default one in the target.
    assertTrue(table.contains("  -    convert -j1 c1  27.000 s"), table);
    assertTrue(table.contains("    TaskLowering                600  60.0%"), table);
    assertTrue(table.contains("    GraphLowering               900  90.0%"), table);
  }

  @Test
  void theJsonIsWellFormedAndNamesEveryTarget() throws IOException {
    Results r = results(3 * S, 2 * S, 200_000, S / 2, true, S / 4);
    String json = Report.json(r, Targets.check(r));
    List<String> ids = new ArrayList<>();
    try (JsonParser p = new JsonFactory().createParser(json)) {
      String last = null;
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        if (t == JsonToken.FIELD_NAME) {
          last = p.currentName();
        } else if (t == JsonToken.VALUE_STRING && "id".equals(last)) {
          ids.add(p.getText());
        }
      }
    }
    assertEquals(List.of("batch-within-2x-of-parse-only", "batch-command-within-2x-of-parse-only", "linear-in-size",
        "5000-tasks-under-1s-cpu", "10000-files-in-256mb-heap", "10000-files-in-256mb-heap-convert",
        "one-file-convert-under-0.5s",
        "one-file-convert-under-0.5s-with-appcds", "one-file-convert-under-0.5s-with-appcds-c1", "one-file-inspect-under-0.5s",
        "one-file-inspect-under-0.5s-with-appcds", "one-file-inspect-under-0.5s-with-appcds-c1"), ids);
  }
}
