package io.flytemigrate.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flytemigrate.ir.Pipeline;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real batch command in a child JVM, and the lowering profile, on small inputs. */
class CommandBatchTest {
  @TempDir Path dir;

  @Test
  void theCommandConvertsADirectoryInAChildAndReportsWhatItCost() throws IOException, InterruptedException {
    Path in = Files.createDirectory(dir.resolve("in"));
    Synthetic.Spec spec = Synthetic.generate(Shape.CHAIN, 5);
    for (int i = 0; i < 3; i++) {
      Files.writeString(in.resolve("p" + i + ".yaml"), spec.yaml().replace(spec.name(), spec.name() + "-" + i),
          StandardCharsets.UTF_8);
    }
    Replica replica = new Replica(in, 3, 3L * spec.yaml().length());
    CommandBatch.Result r = CommandBatch.inChild("test", replica, 2, Jit.LAUNCHER, 0, dir);
    assertEquals(Jit.LAUNCHER, r.jit());
    assertEquals("", r.failure());
    assertEquals(0, r.exit());
    assertTrue(r.finished());
    assertEquals(3, r.files());
    assertTrue(r.wallNanos() > 0 && r.processCpuNanos() > 0 && r.peakHeapBytes() > 0, r::toString);
    assertTrue(r.outputBytes() > 10_000, () -> "wrote only " + r.outputBytes() + " bytes");
    assertFalse(Files.exists(dir.resolve("command-out-2-0")), "the output is deleted afterwards");
  }

  @Test
  void aHeapTooSmallForTheJvmIsAFailureNotAnAnswer() throws IOException, InterruptedException {
    Path in = Files.createDirectory(dir.resolve("in"));
    Files.writeString(in.resolve("p.yaml"), Synthetic.generate(Shape.CHAIN, 5).yaml(), StandardCharsets.UTF_8);
    CommandBatch.Result r = CommandBatch.inChild("test", new Replica(in, 1, 1), 1, Jit.DEFAULT, 1, dir);
    assertFalse(r.finished());
    assertEquals(-1, r.exit());
    assertTrue(r.failure().startsWith("exit "), r::failure);
  }

  @Test
  void theLoweringProfileChargesSamplesToLoweringClasses() throws IOException {
    Synthetic.Spec spec = Synthetic.generate(Shape.NESTED, 200);
    Work w = Stages.run(Stages.inspectInMemory(), Work.ofBytes(spec.name(), spec.yaml().getBytes(StandardCharsets.UTF_8)));
    Pipeline p = w.pipeline().orElseThrow();
    LoweringProfile.Result r = LoweringProfile.profile(List.of(p), 1, dir);
    assertEquals(1, r.pipelines());
    assertTrue(r.passes() > 0 && r.lowerNanos() > 0, r::toString);
    assertTrue(r.samples() > 0, r::toString);
    assertEquals(r.samples(), r.innermost().values().stream().mapToLong(Long::longValue).sum());
    assertEquals(r.samples(), r.outermost().values().stream().mapToLong(Long::longValue).sum());
  }
}
