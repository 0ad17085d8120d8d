package io.flytemigrate.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchRunTest {
  @TempDir Path dir;

  @Test
  void aPassCountsFilesBytesErrorsAndTimesEachStage() throws IOException {
    Synthetic.Spec spec = Synthetic.generate(Shape.FAN_OUT, 20);
    for (int i = 0; i < 4; i++) {
      Files.writeString(dir.resolve("p" + i + ".yaml"), spec.yaml(), StandardCharsets.UTF_8);
    }
    Files.write(dir.resolve("broken.yaml"), new byte[] {'a', 0});
    BatchRun.Result r = BatchRun.run("test", dir, Stages.fromFile());
    assertEquals(5, r.files());
    assertEquals(4L * spec.yaml().length() + 2, r.bytes());
    assertEquals(1, r.filesWithErrors());
    assertEquals(List.of("load", "read", "check", "emit", "package-verify", "render-diagnostics"),
        List.copyOf(r.stageNanos().keySet()));
    assertTrue(r.wallNanos() > 0 && r.allocatedBytes() > 0 && r.peakHeapBytes() > 0);
    assertTrue(r.filesPerSecond() > 0 && r.megabytesPerSecond() > 0);
  }

  @Test
  void theFloorPassReadsTheSameFiles() throws IOException {
    Files.writeString(dir.resolve("a.yaml"), "a: 1\n");
    Files.writeString(dir.resolve("b.json"), "{\"b\": [1]}");
    BatchRun.Result r = BatchRun.run("floor", dir, Floor.fromFile());
    assertEquals(2, r.files());
    assertEquals(0, r.filesWithErrors());
    assertEquals(List.of("load-raw", "parse"), List.copyOf(r.stageNanos().keySet()));
  }
}
