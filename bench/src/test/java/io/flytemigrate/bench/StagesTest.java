package io.flytemigrate.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flytemigrate.ir.diag.Codes;
import io.flytemigrate.ir.diag.Diagnostic;
import io.flytemigrate.ir.diag.Outcome;
import io.flytemigrate.ir.diag.Span;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StagesTest {
  private static final Synthetic.Spec SPEC = Synthetic.generate(Shape.CHAIN, 10);

  @TempDir Path dir;

  @Test
  void theConvertAndInspectPathsHaveTheirStagesInOrder() {
    assertEquals(List.of("load", "read", "check", "emit", "package-verify", "render-diagnostics"),
        Stages.fromFile().stream().map(Stage::name).toList());
    assertEquals(List.of("decode", "read", "check", "emit", "package-verify", "render-diagnostics"),
        Stages.inMemory().stream().map(Stage::name).toList());
    assertEquals(List.of("load", "read", "print-ir", "render-diagnostics"),
        Stages.inspectFromFile().stream().map(Stage::name).toList());
    assertEquals(List.of("decode", "read", "print-ir", "render-diagnostics"),
        Stages.inspectInMemory().stream().map(Stage::name).toList());
  }

  @Test
  void convertEmitsTheFlytekitProjectFiles() {
    Work w = Stages.run(Stages.inMemory(), Work.ofBytes(SPEC.name(), SPEC.yaml().getBytes(StandardCharsets.UTF_8)));
    assertEquals(List.of(), w.diagnostics().stream().filter(io.flytemigrate.ir.diag.Diagnostic::isError).toList());
    assertTrue(w.produced() >= 3, () -> "only " + w.produced() + " files");
  }

  @Test
  void aFileIsLoadedReadAndPrinted() throws IOException {
    Path f = Files.writeString(dir.resolve("chain.yaml"), SPEC.yaml(), StandardCharsets.UTF_8);
    Work w = Stages.run(Stages.inspectFromFile(), Work.ofFile(f.toString()));
    assertEquals(List.of(), w.diagnostics());
    assertEquals("synthetic-chain-10", w.pipeline().orElseThrow().name());
    assertTrue(w.produced() > SPEC.tasks() * 50L, () -> "printed only " + w.produced() + " characters");
    assertEquals(0, w.bytes().length, "loaded text is not kept twice");
  }

  @Test
  void badBytesStopAfterDecoding() {
    Work w = Stages.run(Stages.inMemory(), Work.ofBytes("bad.yaml", new byte[] {'a', 0, 'b'}));
    assertEquals(List.of("FM0002"), w.diagnostics().stream().map(d -> d.code().id()).toList());
    assertTrue(w.source().isEmpty() && w.pipeline().isEmpty());
  }

  @Test
  void textNoReaderKnowsIsAnUnknownFormat() {
    Work w = Stages.run(Stages.inMemory(), Work.ofBytes("notes.txt", "hello: world\n".getBytes(StandardCharsets.UTF_8)));
    assertEquals(List.of("FM0004"), w.diagnostics().stream().map(d -> d.code().id()).toList());
  }

  @Test
  void aPipelineStageAccountsForWhatItReturns() {
    Work read = Stages.run(Stages.inMemory().subList(0, 2), Work.ofBytes(SPEC.name(), SPEC.yaml().getBytes(StandardCharsets.UTF_8)));
    Diagnostic finding = Diagnostic.of(Codes.UNKNOWN_FIELD, Span.NONE, "a finding");
    assertEquals(List.of(finding), Stage.onPipeline("check", p -> List.of(finding)).apply(read).diagnostics());
    assertEquals(List.of(finding), Stage.onPipeline("emit", p -> new Outcome<>(java.util.Optional.of("x"), List.of(finding)))
        .apply(read).diagnostics());
    assertEquals(read.produced() + 5, Stage.onPipeline("text", p -> "12345").apply(read).produced());
    assertEquals(read.produced() + 2, Stage.onPipeline("files", p -> List.of("a", "b")).apply(read).produced());
  }

  @Test
  void aStageThatThrowsIsRecordedAndTheRestIsSkipped() {
    Stage boom = new Stage("boom", w -> {
      throw new StackOverflowError();
    });
    Stage after = new Stage("after", w -> {
      throw new AssertionError("must not run");
    });
    Work w = Stages.run(List.of(boom, after), Work.ofBytes("x", new byte[0]));
    assertEquals(java.util.Optional.of("boom: StackOverflowError"), w.failure());
    assertTrue(w.hasErrors());
  }

  @Test
  void aPipelineStageIsSkippedWithoutAPipeline() {
    Work nothing = Work.ofBytes("x", new byte[0]);
    assertEquals(nothing, Stage.onPipeline("never", p -> {
      throw new AssertionError("must not run");
    }).apply(nothing));
  }

  @Test
  void theClockTimesEveryStageByName() {
    StageClock clock = new StageClock(Stages.inMemory());
    clock.run(Work.ofBytes(SPEC.name(), SPEC.yaml().getBytes(StandardCharsets.UTF_8)));
    assertEquals(List.of("decode", "read", "check", "emit", "package-verify", "render-diagnostics"), List.copyOf(clock.totals().keySet()));
    assertTrue(clock.totals().get("read") > 0);
  }
}
