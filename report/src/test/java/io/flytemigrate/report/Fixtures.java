package io.flytemigrate.report;

import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.diag.Codes;
import io.flytemigrate.ir.diag.Diagnostic;
import io.flytemigrate.ir.diag.Outcome;
import io.flytemigrate.ir.diag.Severity;
import io.flytemigrate.ir.diag.SourceFile;
import io.flytemigrate.ir.diag.Span;
import io.flytemigrate.ir.parity.ParityEntry;
import io.flytemigrate.ir.parity.ParityReport;
import io.flytemigrate.kfp.KfpV2Reader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The batch every report test renders: a real KFP v2 file with an exit handler around a
 * condition and a loop (read with the KFP reader), its parity report built by hand the way the
 * emitter will build it, a hand-built Flyte DAG, a second copy converted with the IR pass-through,
 * a failed input and a skipped one, and one task shared by both copies.
 */
final class Fixtures {
  static final String FILE = "pipelines/train-and-notify.yaml";
  static final String COPY = "pipelines/team-b/train-and-notify.yaml";
  static final String BROKEN = "pipelines/broken.yaml";
  static final String NOTES = "notes/README.md";

  private Fixtures() {}

  /** The fixture pipeline as the KFP v2 reader reads it, shown under {@code path}. */
  static Pipeline pipeline(String path) {
    String text;
    try {
      text = Files.readString(Path.of("src/test/resources/input/train-and-notify.yaml"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Outcome<Pipeline> outcome = new KfpV2Reader().read(new SourceFile(path, text));
    if (!outcome.ok()) {
      throw new IllegalStateException("the fixture does not read cleanly: " + outcome.diagnostics());
    }
    return outcome.value().orElseThrow();
  }

  static ParityReport parity(String path) {
    return new ParityReport("train-and-notify", path, List.of(
        ParityEntry.exact("workflow", "train-and-notify", Span.at(path, 7, 1), "train_and_notify.wf"),
        ParityEntry.exact("parameter", "shards", Span.at(path, 229, 7), "shards"),
        ParityEntry.approximated("parameter", "threshold", Span.at(path, 235, 7), "threshold",
            "the spec writes the default as `5.0`; the Flyte input is an integer with default `5`"),
        ParityEntry.approximated("exit-handler", "exit-handler-1", Span.at(path, 200, 7), "n1",
            "Flyte has no exit handler; `notify` becomes the last node and `on_failure` of the workflow"),
        ParityEntry.exact("task", "notify", Span.at(path, 211, 7), "n3"),
        ParityEntry.dropped("setting", "notify.triggerPolicy", Span.at(path, 225, 9),
            "Flyte has no trigger rule `ALL_UPSTREAM_TASKS_COMPLETED` | run `notify` as the failure node <on_failure> instead"),
        ParityEntry.exact("condition", "good-enough", Span.at(path, 43, 9), "n1"),
        ParityEntry.exact("edge", "prepare -> good-enough", Span.at(path, 47, 11), "n0 -> n1"),
        ParityEntry.exact("task", "train", Span.at(path, 11, 9), "n1-0-n0"),
        ParityEntry.exact("setting", "train.retryPolicy", Span.at(path, 20, 11), "retries=2"),
        ParityEntry.approximated("setting", "comp-train.resources", Span.at(path, 191, 11), "train.limits",
            "`memoryLimit: 4.0` (GB) becomes `mem=\"4G\"`"),
        ParityEntry.approximated("loop", "for-loop-3", Span.at(path, 61, 9), "n2",
            "a `ParallelFor` over a sub-workflow becomes a dynamic workflow; `parallelismLimit: 2` is not enforced"),
        ParityEntry.exact("task", "evaluate", Span.at(path, 94, 9), "n2-n0"),
        ParityEntry.exact("task", "publish", Span.at(path, 105, 9), "n2-n1"),
        ParityEntry.dropped("setting", "publish.cachingOptions", Span.at(path, 106, 11),
            "caching is off by default on Flyte; nothing to write"),
        ParityEntry.exact("task", "prepare", Span.at(path, 78, 9), "n0")));
  }

  /** The Flyte DAG the emitter would describe: Flyte node ids, a branch node, a dynamic workflow. */
  static Dag flyteDag() {
    return new Dag(
        List.of(
            Dag.Node.leaf("n0", "n0: prepare", Dag.Kind.TASK),
            new Dag.Node("n1", "n1: branch good-enough", Dag.Kind.BRANCHES, List.of(
                new Dag.Node("n1-0", "case: int(prepare.Output) > threshold", Dag.Kind.CONDITION, List.of(
                    Dag.Node.leaf("n1-0-n0", "train", Dag.Kind.TASK))))),
            new Dag.Node("n2", "n2: dynamic for-loop-3 over shards", Dag.Kind.LOOP, List.of(
                Dag.Node.leaf("n2-n0", "evaluate", Dag.Kind.TASK),
                Dag.Node.leaf("n2-n1", "publish", Dag.Kind.TASK))),
            Dag.Node.leaf("n3", "n3: notify (on_failure too)", Dag.Kind.TASK)),
        List.of(
            new Dag.Edge("n0", "n1", Dag.EdgeKind.DATA, "o0"),
            new Dag.Edge("n0", "n2", Dag.EdgeKind.ORDER, ""),
            new Dag.Edge("n2-n0", "n2-n1", Dag.EdgeKind.DATA, "o0"),
            new Dag.Edge("n1", "n3", Dag.EdgeKind.ORDER, ""),
            new Dag.Edge("n2", "n3", Dag.EdgeKind.ORDER, "")));
  }

  static BatchResult batch() {
    Pipeline main = pipeline(FILE);
    Pipeline copy = pipeline(COPY);
    InputResult converted = new InputResult(FILE, InputStatus.CONVERTED,
        List.of(new Diagnostic(Codes.UNKNOWN_FIELD, Severity.WARNING, new Span(FILE, 192, 11, 192, 22),
            "field `memoryLimit` is read as gigabytes", Optional.of("write `memoryLimit: 4G` to be explicit"), List.of())),
        new FlyteIds(
            List.of("train_and_notify.train", "shared.prepare", "train_and_notify.evaluate", "train_and_notify.publish",
                "train_and_notify.notify"),
            List.of("train_and_notify.wf", "train_and_notify.for_loop_3"),
            List.of("train_and_notify.wf")),
        Optional.of(PipelineReport.of(main, parity(FILE), flyteDag())));
    InputResult passThrough = new InputResult(COPY, InputStatus.CONVERTED, List.of(),
        new FlyteIds(
            List.of("team_b.train", "shared.prepare", "team_b.evaluate", "team_b.publish", "team_b.notify"),
            List.of("team_b.wf"),
            List.of("team_b.wf")),
        Optional.of(PipelineReport.of(copy, parity(COPY))));
    InputResult failed = new InputResult(BROKEN, InputStatus.FAILED,
        List.of(
            Diagnostic.of(Codes.UNDEFINED_COMPONENT, new Span(BROKEN, 12, 17, 12, 26),
                "task `echo` refers to component `comp-echo`, which is not defined")
                .withHelp("the spec has no `components` section; define `comp-echo` there")
                .withLabel(Span.at(BROKEN, 3, 1), "tasks are defined here"),
            Diagnostic.of(Codes.UNKNOWN_FIELD, new Span(BROKEN, 20, 3, 20, 9), "field `extras` is not part of the spec")),
        FlyteIds.NONE, Optional.empty());
    InputResult skipped = new InputResult(NOTES, InputStatus.SKIPPED,
        List.of(Diagnostic.of(Codes.UNKNOWN_FORMAT, Span.at(NOTES, 1, 1), "no reader recognises `notes/README.md`")
            .withSeverity(Severity.WARNING)),
        FlyteIds.NONE, Optional.empty());
    MergedTask shared = new MergedTask("shared.prepare", List.of(
        new MergedTask.Replaced(FILE, "comp-prepare"), new MergedTask.Replaced(COPY, "comp-prepare")));
    return new BatchResult(List.of(skipped, converted, failed, passThrough), List.of(shared));
  }
}
