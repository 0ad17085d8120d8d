package io.flytemigrate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Every batch output is the same whatever order the inputs finished in (what {@code --jobs}
 * changes), uses LF only, and ends with a newline.
 */
class DeterminismTest {
  private static final List<Function<BatchResult, String>> WRITERS = List.of(
      BatchSummary::write, BatchMarkdown::write, ParityHtml::write, b -> JUnitXml.write(b, true), Sarif::write);

  private static BatchResult shuffled(BatchResult b, long seed) {
    List<InputResult> inputs = new ArrayList<>();
    Random random = new Random(seed);
    for (InputResult r : b.inputs()) {
      List<String> tasks = new ArrayList<>(r.produced().tasks());
      Collections.shuffle(tasks, random);
      List<io.flytemigrate.ir.diag.Diagnostic> diagnostics = new ArrayList<>(r.diagnostics());
      Collections.shuffle(diagnostics, random);
      inputs.add(new InputResult(r.path(), r.status(), diagnostics,
          new FlyteIds(tasks, r.produced().workflows(), r.produced().launchPlans()), r.report()));
    }
    Collections.shuffle(inputs, random);
    List<MergedTask> merged = new ArrayList<>();
    for (MergedTask m : b.merged()) {
      List<MergedTask.Replaced> replaced = new ArrayList<>(m.replaced());
      Collections.reverse(replaced);
      merged.add(new MergedTask(m.task(), replaced));
    }
    return new BatchResult(inputs, merged);
  }

  @Test
  void inputOrderDoesNotMatter() {
    BatchResult batch = Fixtures.batch();
    for (long seed = 1; seed <= 5; seed++) {
      BatchResult other = shuffled(batch, seed);
      for (Function<BatchResult, String> w : WRITERS) {
        assertEquals(w.apply(batch), w.apply(other), "seed " + seed);
      }
    }
  }

  @Test
  void outputsUseLfAndEndWithANewline() {
    BatchResult batch = Fixtures.batch();
    List<String> outputs = new ArrayList<>();
    for (Function<BatchResult, String> w : WRITERS) {
      outputs.add(w.apply(batch));
    }
    InputResult r = batch.inputs().get(3);
    outputs.add(ParityMarkdown.write(r.report().orElseThrow(), r.diagnostics()));
    outputs.add(ParityJson.write(r.report().orElseThrow().parity()));
    for (String out : outputs) {
      assertFalse(out.contains("\r"));
      assertTrue(out.endsWith("\n") && !out.endsWith("\n\n"), out.substring(Math.max(0, out.length() - 40)));
    }
  }
}
